import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Pin, SandboxStore } from './store.js';
import type { StoredChannel, StoredEphemeral, StoredFile, StoredMessage } from './types.js';

/** What survives a restart: the conversation, not open modals, triggers or response URLs. */
interface Snapshot {
  version: 1;
  counters: { counter: number; lastTsMicros: number };
  channels: StoredChannel[];
  messages: Record<string, StoredMessage[]>;
  pins: Record<string, Pin[]>;
  ephemerals: StoredEphemeral[];
  files: Array<Omit<StoredFile, 'content'> & { content: string | null }>;
}

function snapshotOf(store: SandboxStore): Snapshot {
  return {
    version: 1,
    counters: store.counters(),
    channels: [...store.channels.values()],
    messages: Object.fromEntries(store.messages),
    pins: Object.fromEntries(store.pins),
    ephemerals: store.ephemerals.filter((e) => !e.deleted),
    files: [...store.files.values()].map((f) => ({ ...f, content: f.content ? f.content.toString('base64') : null })),
  };
}

/** Loads a snapshot written by `persistTo`; returns false when there is none (or it is unreadable). */
export function restoreFrom(store: SandboxStore, path: string): boolean {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return false;
  }
  if (snapshot.version !== 1) return false;
  store.restoreCounters(snapshot.counters);
  for (const channel of snapshot.channels) {
    store.channels.set(channel.id, channel);
    store.messages.set(channel.id, snapshot.messages[channel.id] ?? []);
    store.pins.set(channel.id, snapshot.pins[channel.id] ?? []);
  }
  store.ephemerals.push(...snapshot.ephemerals);
  for (const f of snapshot.files) store.files.set(f.id, { ...f, content: f.content === null ? null : Buffer.from(f.content, 'base64') });
  return true;
}

export interface Persistence {
  /** Writes now if a change is pending. */
  flush(): void;
  stop(): void;
}

/** Writes the store to `path` (atomically, via a temp file) a short while after each change. */
export function persistTo(store: SandboxStore, path: string, debounceMs = 250): Persistence {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify(snapshotOf(store)));
    renameSync(temp, path);
  };
  const onChange = () => {
    timer ??= setTimeout(write, debounceMs);
  };
  store.on('change', onChange);
  return {
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      write();
    },
    stop() {
      store.off('change', onChange);
      this.flush();
    },
  };
}
