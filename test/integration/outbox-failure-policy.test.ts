/**
 * The dispatcher's failure policy, row by row: what each kind of Slack failure does to the
 * message and to the messages queued behind it for the same incident.
 */
import { ErrorCode } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../src/clock.js';
import { rowsOf } from '../../src/db/client.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { DeliveryDeferred, PermanentDeliveryError } from '../../src/outbox/failure.js';
import type { OutboxMessage } from '../../src/outbox/outbox-repository.js';
import { OutboxRepository } from '../../src/outbox/outbox-repository.js';
import { classifySlackError } from '../../src/slack/delivery/slack-errors.js';
import { migratedDatabase, type MigratedDatabase } from '../helpers/db.js';

const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: ErrorCode.PlatformError, data: { ok: false, error } });
const rateLimited = (retryAfter: number) => Object.assign(new Error('rate limited'), { code: ErrorCode.RateLimitedError, retryAfter });
const http = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { code: ErrorCode.HTTPError, statusCode });
const timeout = () => Object.assign(new Error('timeout of 10000ms exceeded'), { code: ErrorCode.RequestError });

interface Row {
  failure: string;
  error: () => Error;
  /** What becomes of the failing message. */
  status: 'failed' | 'pending';
  /** Seconds until it is tried again (pending only). */
  retryIn?: number;
}

const POLICY: Row[] = [
  { failure: 'invalid_blocks (Slack refuses the message)', error: () => platform('invalid_blocks'), status: 'failed' },
  { failure: 'channel_not_found', error: () => platform('channel_not_found'), status: 'failed' },
  { failure: 'is_archived', error: () => platform('is_archived'), status: 'failed' },
  { failure: 'msg_too_long', error: () => platform('msg_too_long'), status: 'failed' },
  { failure: 'not_in_channel', error: () => platform('not_in_channel'), status: 'failed' },
  { failure: 'the incident is gone', error: () => new PermanentDeliveryError('incident 9 is gone'), status: 'failed' },
  { failure: 'internal_error (Slack’s side)', error: () => platform('internal_error'), status: 'pending', retryIn: 1 },
  { failure: 'service_unavailable', error: () => platform('service_unavailable'), status: 'pending', retryIn: 1 },
  { failure: '429 with Retry-After: 7', error: () => rateLimited(7), status: 'pending', retryIn: 7 },
  { failure: 'HTTP 503', error: () => http(503), status: 'pending', retryIn: 1 },
  { failure: 'a timeout (maybe sent)', error: timeout, status: 'pending', retryIn: 1 },
  { failure: 'an earlier message not posted yet', error: () => new DeliveryDeferred('no channel yet'), status: 'pending', retryIn: 1 },
];

let m: MigratedDatabase;
const outbox = new OutboxRepository();
const clock = new SteppedClock('2026-11-25T03:00:00Z');
beforeAll(async () => {
  m = await migratedDatabase();
});
afterAll(async () => m?.close());
beforeEach(async () => {
  await m.database.db.execute(sql`delete from outbox`);
});

const note = (text: string) => ({ kind: 'notice.post' as const, notice: { type: 'note_added' as const, actorId: 'U1', text }, target: 'incident' as const });

/** A dispatcher whose Slack fails the first message with `error` and accepts the rest. */
function dispatcherFailingWith(error: () => Error, maxAttempts?: number) {
  const sent: string[] = [];
  const deliver = (message: OutboxMessage) => {
    const text = message.intent.kind === 'notice.post' && message.intent.notice.type === 'note_added' ? message.intent.notice.text : '?';
    if (text === 'first') return Promise.reject(error());
    sent.push(text);
    return Promise.resolve();
  };
  const dispatcher = new OutboxDispatcher({
    db: m.database.db, outbox, clock, deliver, classify: classifySlackError, logger: pino({ level: 'silent' }), maxAttempts,
  });
  return { dispatcher, sent };
}

async function rowOf(id: number) {
  const [row] = rowsOf<{ status: string; available_at: Date | string; last_error: string | null }>(
    await m.database.db.execute(sql`select status, available_at, last_error from outbox where id = ${id}`),
  );
  return row!;
}

describe('outbox failure policy', () => {
  it.each(POLICY)('$failure → $status', async ({ error, status, retryIn }) => {
    const first = await outbox.enqueue(m.database.db, { incidentId: 7, intent: note('first'), now: clock.now() });
    await outbox.enqueue(m.database.db, { incidentId: 7, intent: note('second'), now: clock.now() });
    await outbox.enqueue(m.database.db, { incidentId: 8, intent: note('other incident'), now: clock.now() });
    const { dispatcher, sent } = dispatcherFailingWith(error);
    await dispatcher.drain();

    const row = await rowOf(first);
    expect(row.status).toBe(status);
    expect(row.last_error).toBeTruthy();
    // Another incident's messages never wait on this one.
    expect(sent).toContain('other incident');
    if (status === 'failed') {
      // Given up at once: the incident's queue moves on in the same drain.
      expect(sent).toEqual(expect.arrayContaining(['second']));
    } else {
      // Retried after Slack's Retry-After or the backoff; the incident's next message keeps its place behind it.
      expect(new Date(row.available_at).getTime() - clock.now().toMillis()).toBe(retryIn! * 1000);
      expect(sent).not.toContain('second');
    }
  });

  it('gives up on a message that keeps failing after the last attempt, and lets the next one go', async () => {
    const first = await outbox.enqueue(m.database.db, { incidentId: 7, intent: note('first'), now: clock.now() });
    await outbox.enqueue(m.database.db, { incidentId: 7, intent: note('second'), now: clock.now() });
    const { dispatcher, sent } = dispatcherFailingWith(timeout, 3);
    for (let round = 0; round < 5; round += 1) {
      await dispatcher.drain();
      clock.advance({ minutes: 5 });
    }
    expect((await rowOf(first)).status).toBe('failed');
    expect(sent).toEqual(['second']);
    expect(dispatcher.counts).toMatchObject({ failed: 1, retried: 2, delivered: 1 });
  });
});

describe('stopping the dispatcher', () => {
  it('stops claiming and hands back the lease of a send still under way when the deadline passes', async () => {
    const slow = await outbox.enqueue(m.database.db, { incidentId: 7, intent: note('slow'), now: clock.now() });
    await outbox.enqueue(m.database.db, { incidentId: 9, intent: note('never claimed'), now: clock.now() });
    let release: () => void = () => undefined;
    const started: string[] = [];
    const dispatcher = new OutboxDispatcher({
      db: m.database.db, outbox, clock, classify: classifySlackError, logger: pino({ level: 'silent' }), batchSize: 1, maxInFlight: 1,
      deliver: (message) => {
        started.push(message.intent.kind === 'notice.post' && message.intent.notice.type === 'note_added' ? message.intent.notice.text : '?');
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    dispatcher.kick();
    await expect.poll(() => started).toEqual(['slow']);
    await dispatcher.stop(Promise.resolve());
    // Another replica may claim it at once, not after the 60 s lease; the attempt still counts.
    const [row] = rowsOf<{ claimed_until: unknown; attempts: number }>(
      await m.database.db.execute(sql`select claimed_until, attempts from outbox where id = ${slow}`),
    );
    expect(row).toEqual({ claimed_until: null, attempts: 1 });
    release();
    await dispatcher.drainSettled();
    expect(started).toEqual(['slow']);
    dispatcher.kick();
    expect(started).toEqual(['slow']);
  });
});
