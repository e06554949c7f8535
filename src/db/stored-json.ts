import { z } from 'zod';

/**
 * Every JSON value the bot stores carries a version `v`. Rows written before versioning have
 * none: they hold version 1's shape. A later shape adds an upgrade from the version before it,
 * so rows written by an older release (an outbox row waiting through a deploy) still read.
 */
export interface StoredCodec<T> {
  /** What a caller stores: the value checked against the current schema, with its version. */
  write(value: T): Record<string, unknown>;
  /** Reads any version this release knows; a reason when the value cannot be read. */
  read(raw: unknown): StoredRead<T>;
}

export type StoredRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Raised by a repository when a stored value cannot be read; names the row and why. */
export class StoredDataError extends Error {
  constructor(what: string, reason: string) {
    super(`${what} cannot be read: ${reason}`);
    this.name = 'StoredDataError';
  }
}

const envelope = z.looseObject({ v: z.number().int().positive().optional() });

export function storedCodec<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  current: S,
  options: { version?: number; upgrades?: Record<number, (older: Record<string, unknown>) => Record<string, unknown>> } = {},
): StoredCodec<z.output<S>> {
  const version = options.version ?? 1;
  return {
    write(value) {
      // encode runs codecs backwards (a DateTime becomes its ISO text) and checks the value.
      return { ...z.encode(current, value), v: version };
    },
    read(raw) {
      const parsed = envelope.safeParse(raw);
      if (!parsed.success) return { ok: false, reason: 'not a JSON object' };
      const { v = 1, ...body } = parsed.data;
      if (v > version) return { ok: false, reason: `written by a newer release (version ${v}; this one reads up to ${version})` };
      let value: Record<string, unknown> = body;
      for (let from = v; from < version; from++) {
        const upgrade = options.upgrades?.[from];
        if (!upgrade) return { ok: false, reason: `no upgrade from version ${from}` };
        value = upgrade(value);
      }
      const result = current.safeParse(value);
      return result.success ? { ok: true, value: result.data } : { ok: false, reason: z.prettifyError(result.error) };
    },
  };
}

/** Reads or throws StoredDataError: for rows the caller cannot go on without. */
export function readOrThrow<T>(codec: StoredCodec<T>, raw: unknown, what: string): T {
  const result = codec.read(raw);
  if (!result.ok) throw new StoredDataError(what, result.reason);
  return result.value;
}
