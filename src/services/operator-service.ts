import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { SEVERITIES } from '../domain/severity.js';
import type { OperatorSnapshot } from '../observability/metrics.js';

/** The numbers /metrics reads from Postgres at each scrape. */
export class OperatorService {
  constructor(private readonly deps: { db: Db; repos: Repositories; clock: Clock }) {}

  async snapshot(): Promise<OperatorSnapshot> {
    const { db, repos, clock } = this.deps;
    const open = await repos.operator.openBySeverity(db);
    const backlog = await repos.operator.outboxBacklog(db, clock.now());
    return {
      // Every severity is reported, zero included, so a dashboard's series never vanish.
      openIncidents: Object.fromEntries(SEVERITIES.map((s) => [s, open[s] ?? 0])),
      outboxPending: backlog.pending,
      oldestPendingAgeSeconds: backlog.oldestAgeSeconds,
    };
  }
}
