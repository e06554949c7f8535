/** How a piece of work stood when Slack's acknowledgement was due. */
export type Raced<T> =
  | { state: 'done'; value: T }
  | { state: 'failed'; error: unknown }
  /** Still running: `later` settles with its real outcome, never rejects. */
  | { state: 'running'; later: Promise<Settled<T>> };

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Races `work` against the acknowledgement deadline (shorter than Slack's 3 s window), so the
 * listener can answer in time with the outcome, or with "in progress" and the outcome later.
 */
export async function withinDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<Raced<T>> {
  const settled: Promise<Settled<T>> = work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
  const first = await Promise.race([settled, late]);
  clearTimeout(timer);
  if (first === 'late') return { state: 'running', later: settled };
  return first.ok ? { state: 'done', value: first.value } : { state: 'failed', error: first.error };
}
