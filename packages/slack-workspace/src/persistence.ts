import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Pin, SandboxStore } from './store.js';
import type { ChangeEvent, StoredChannel, StoredEphemeral, StoredFile, StoredMessage } from './types.js';

/** What survives a restart: the conversation, not open modals, triggers or response URLs. */
interface Snapshot {
  version: 1;
  counters: { counter: number; lastTsMicros: number };
  channels: StoredChannel[];
  messages: Record<string, PersistedMessage[]>;
  pins: Record<string, Pin[]>;
  ephemerals: StoredEphemeral[];
  files: Array<Omit<StoredFile, 'content'> & { content: string | null }>;
}

/** A message as written before messages kept an edit count: with every earlier version instead. */
type PersistedMessage = StoredMessage | (Omit<StoredMessage, 'editCount'> & { history: unknown[] });

function restoredMessage(message: PersistedMessage): StoredMessage {
  if ('editCount' in message) return message;
  const { history, ...rest } = message;
  return { ...rest, editCount: history.length };
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
    store.messages.set(channel.id, (snapshot.messages[channel.id] ?? []).slice(-store.limits.messagesPerChannel).map(restoredMessage));
    store.pins.set(channel.id, snapshot.pins[channel.id] ?? []);
  }
  store.ephemerals.push(...snapshot.ephemerals);
  for (const userId of new Set(snapshot.ephemerals.map((e) => e.userId))) store.trimEphemerals(userId);
  for (const f of snapshot.files) store.files.set(f.id, { ...f, content: f.content === null ? null : Buffer.from(f.content, 'base64') });
  return true;
}

export interface Persistence {
  /** Writes now if a change is pending, and waits for any write under way. */
  flush(): Promise<void>;
  /** Stops listening for changes and writes what is pending. */
  stop(): Promise<void>;
}

/** Writes `text` to `path` through a temp file in the same folder, so a crash leaves the old file or the new, never half of one. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'w');
    try {
      await file.writeFile(text, 'utf8');
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes the store to `path` a short while after each change that touches the conversation (Web
 * API call log entries do not), asynchronously and atomically; a snapshot equal to the last one
 * written is not written again. Writes never overlap.
 */
export function persistTo(
  store: SandboxStore,
  path: string,
  debounceMs = 250,
  onError: (error: unknown) => void = (error) => console.error(`sandbox: could not save ${path}:`, error),
): Persistence {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let writing: Promise<void> | undefined;
  let lastWritten: string | undefined;

  const writeNow = async (): Promise<void> => {
    while (writing) await writing;
    if (!dirty) return;
    dirty = false;
    const text = JSON.stringify(snapshotOf(store));
    if (text === lastWritten) return;
    writing = writeAtomically(path, text).then(
      () => void (lastWritten = text),
      (error: unknown) => {
        dirty = true;
        onError(error);
      },
    );
    try {
      await writing;
    } finally {
      writing = undefined;
    }
  };
  const onTimer = () => {
    timer = undefined;
    void writeNow();
  };
  const onChange = (change: ChangeEvent) => {
    if (change.kind === 'call') return;
    dirty = true;
    timer ??= setTimeout(onTimer, debounceMs);
  };
  store.on('change', onChange);
  return {
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await writeNow();
    },
    async stop() {
      store.off('change', onChange);
      await this.flush();
    },
  };
}
