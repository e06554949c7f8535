#!/usr/bin/env bash
# Installs every system package the tests use, on Debian or Ubuntu; skips what is already there.
#   postgresql               throwaway clusters for integration and end-to-end tests (initdb, pg_ctl)
#   pgbouncer                reminders are tested behind it in transaction mode
#   chromium                 browser tests drive it with playwright-core (no browser download)
#   prometheus-alertmanager  alert intake is tested against the real Alertmanager
# With TEST_DATABASE_URL set the tests use that server, and PostgreSQL is not installed.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "setup-debian: run as root or install sudo" >&2; exit 1; fi
fi

have_postgres_binaries() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then return 0; fi
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then return 0; fi
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}
have() { command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" || -x "/usr/bin/$1" ]]; }

missing=()
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "TEST_DATABASE_URL is set: the tests use that server; PostgreSQL is not installed."
elif have_postgres_binaries; then
  echo "PostgreSQL binaries found."
else
  missing+=(postgresql)
fi
if have pgbouncer; then echo "PgBouncer found."; else missing+=(pgbouncer); fi
if [[ -x /usr/bin/chromium ]]; then echo "Chromium found at /usr/bin/chromium."; else missing+=(chromium); fi
if have prometheus-alertmanager; then echo "Alertmanager found."; else missing+=(prometheus-alertmanager); fi

if [[ "${#missing[@]}" -eq 0 ]]; then
  echo "Every system package the tests use is installed."
  exit 0
fi
echo "Installing: ${missing[*]}"
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
