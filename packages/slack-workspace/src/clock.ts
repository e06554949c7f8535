import { DateTime } from 'luxon';

/**
 * Where the workspace reads the time. `clock` stamps messages and files (an app's drill clock may
 * run it fast); `realClock` times what Slack times in real seconds (signatures, trigger ids,
 * rate limits, timeouts). Anything with `now(): DateTime` fits.
 */
export interface WorkspaceClock {
  now(): DateTime;
}

export const systemClock: WorkspaceClock = { now: () => DateTime.utc() };
