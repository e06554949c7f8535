import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../client.js';

/** A turn to call Slack: how long until it comes (by the database's clock), and whether it was taken. */
export interface PaceTurn {
  waitMs: number;
  /** False when the turn was further off than the caller would wait: nothing was reserved. */
  reserved: boolean;
}

const ms = (value: number) => sql`(${Math.round(value)}::int * interval '1 millisecond')`;
const millis = (value: unknown): number => (value === null || value === undefined ? 0 : Math.max(0, Number(value)));

/**
 * Slack's pace per method and channel, kept in Postgres so every replica keeps it together. Each
 * statement stands alone (no session state, nothing held between them), so it works through
 * PgBouncer in transaction mode and holds no connection while a caller waits for its turn.
 * Times are the database's, so replicas' clocks need not agree.
 */
export class ChannelPaceRepository {
  /**
   * Takes the next turn of `method` to `channel`: `intervalMs` after the last turn taken, or after
   * a Retry-After held there, or now. One upsert, atomic however many replicas ask at once. A turn
   * more than `maxWaitMs` off is not taken, and the wait for it is returned.
   */
  async reserve(ex: Executor, method: string, channel: string, intervalMs: number, maxWaitMs: number): Promise<PaceTurn> {
    const result = await ex.execute(sql`
      with turn as (
        insert into channel_pace as p (method, channel, next_at)
        values (${method}, ${channel}, clock_timestamp() + ${ms(intervalMs)})
        on conflict (method, channel) do update
          set next_at = greatest(p.next_at, clock_timestamp()) + ${ms(intervalMs)}
          where p.next_at <= clock_timestamp() + ${ms(maxWaitMs)}
        returning p.next_at - ${ms(intervalMs)} as at
      )
      select extract(epoch from (select at from turn) - clock_timestamp()) * 1000 as wait_ms, (select count(*) from turn)::int as taken`);
    const [row] = rowsOf<{ wait_ms: unknown; taken: number }>(result);
    if (row && Number(row.taken) > 0) return { waitMs: millis(row.wait_ms), reserved: true };
    // Not taken: read the turn again in a statement of its own, which sees the other replicas' latest.
    return { waitMs: await this.heldFor(ex, method, channel), reserved: false };
  }

  /** How long calls of `method` to `channel` must still wait (a Retry-After held there); 0 if none. */
  async heldFor(ex: Executor, method: string, channel: string): Promise<number> {
    const result = await ex.execute(sql`
      select extract(epoch from next_at - clock_timestamp()) * 1000 as held_ms
      from channel_pace where method = ${method} and channel = ${channel}`);
    return millis(rowsOf<{ held_ms: unknown }>(result)[0]?.held_ms);
  }

  /** Slack answered 429: no call of `method` to `channel` from any replica before `ms` from now. */
  async hold(ex: Executor, method: string, channel: string, holdMs: number): Promise<void> {
    await ex.execute(sql`
      insert into channel_pace as p (method, channel, next_at)
      values (${method}, ${channel}, clock_timestamp() + ${ms(holdMs)})
      on conflict (method, channel) do update set next_at = greatest(p.next_at, excluded.next_at)`);
  }

  /** Turns long past say nothing: forget them. */
  async prune(ex: Executor, olderThanMs: number): Promise<number> {
    const result = await ex.execute(sql`delete from channel_pace where next_at < clock_timestamp() - ${ms(olderThanMs)} returning 1`);
    return rowsOf(result).length;
  }
}
