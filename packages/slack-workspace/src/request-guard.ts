import type { IncomingMessage } from 'node:http';

/** Names that always mean this machine; a rebinding attack needs a domain name it controls instead. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
/** Addresses a server listens on that mean "every interface"; browsers reach them as loopback. */
const WILDCARD = ['0.0.0.0', '[::]'];
const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : '80');

/**
 * The `host:port` values a request to this workspace may carry, from the URLs it is known by (its
 * public URL, the address it listens on). A loopback or wildcard URL admits every loopback name
 * with the same port. Empty when neither is known yet.
 */
export function ownHosts(urls: Array<string | undefined>): Set<string> {
  const hosts = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const port = url.port || defaultPort(url.protocol);
    const hostname = url.hostname.toLowerCase();
    for (const name of LOOPBACK.includes(hostname) || WILDCARD.includes(hostname) ? LOOPBACK : [hostname]) {
      hosts.add(`${name}:${port}`);
      // A Host header leaves out the scheme's default port.
      if (!url.port) hosts.add(name);
    }
  }
  return hosts;
}

/** `name:port`, or the bare name when the header gives no port (or port 80, which URL drops). */
function normalizedHost(value: string): string | undefined {
  try {
    const url = new URL(`http://${value}`);
    if (!value || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.port ? `${url.hostname.toLowerCase()}:${url.port}` : url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function admitted(host: string | undefined, own: Set<string>): boolean {
  if (!host) return false;
  if (own.size > 0) return own.has(host);
  // Not yet told its address (mounted, no public URL): loopback names on any port.
  return LOOPBACK.some((name) => host === name || host.startsWith(`${name}:`));
}

/**
 * Why a request must be refused, or undefined when it may go on. A Host that is not the
 * workspace's own is refused (DNS rebinding: another site's name resolving to 127.0.0.1), and so
 * is a browser's Origin from anywhere else (a page on another origin posting to this one).
 * Clients that send no Origin (the app's WebClient, tests) pass when their Host is right.
 */
export function refusal(req: IncomingMessage, own: Set<string>): 'forbidden_host' | 'forbidden_origin' | undefined {
  const host = normalizedHost(String(req.headers.host ?? ''));
  if (!admitted(host, own)) return 'forbidden_host';
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'forbidden_origin';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'forbidden_origin';
  const originHost = `${url.hostname.toLowerCase()}:${url.port || defaultPort(url.protocol)}`;
  return admitted(originHost, own) ? undefined : 'forbidden_origin';
}
