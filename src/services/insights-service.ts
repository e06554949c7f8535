import { Info, type DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { incidentRef } from '../domain/incident.js';
import type { IncidentPhases, InsightsReport } from '../domain/insights/figures.js';
import { followupFigures } from '../domain/insights/followups.js';
import { responderHours } from '../domain/insights/people.js';
import { assertPeriod, previousPeriod, type Period } from '../domain/insights/period.js';
import { findRepeats } from '../domain/insights/repeats.js';
import { FALLBACK_ZONE } from './user-zones.js';

export interface InsightsServiceDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  /** IANA zone "today" is read in for overdue follow-ups (config.exportTimeZone). */
  timeZone: string;
  /** Whether a report may read on two connections at once (a Postgres server; PGlite has one). */
  parallelReads?: boolean;
}

/** Who reads the figures: decides whether a private incident's words may be named. */
export interface InsightsReader {
  mayRead(incident: Pick<IncidentPhases, 'id' | 'isPrivate' | 'channelId'>): boolean;
}

/** A machine reader (the HTTP API): no private incident's title or channel. */
export const PUBLIC_READER: InsightsReader = { mayRead: (incident) => !incident.isPrivate };

/** What the incidents of a period teach: phases per peak severity, load on people, follow-ups, repeats. */
export class InsightsService {
  constructor(private readonly deps: InsightsServiceDeps) {}

  async report(period: Period, reader: InsightsReader = PUBLIC_READER): Promise<InsightsReport> {
    assertPeriod(period);
    const { db, repos, clock, timeZone } = this.deps;
    const previous = previousPeriod(period);
    await this.refreshFigures();
    // Each read's domain work runs while the other read is still in Postgres.
    const [main, responders] = await repos.insights.readTogether(db, this.deps.parallelReads ?? false,
      async (tx, marked) => {
        const { figures, incidents, followups } = await repos.insights.figuresAndLists(tx, period, previous, marked);
        return {
          current: figures.current,
          previous: figures.previous,
          followups: followupFigures(followups, clock.now(), timeZone),
          repeats: findRepeats(incidents.map((i) => ({
            ref: incidentRef(i.id), scenario: i.scenario, title: i.title, alertGroups: i.alertGroups, titleVisible: reader.mayRead(i),
          }))),
        };
      },
      async (tx, marked) => {
        const { engagements, zones } = await repos.insights.people(tx, period, previous, marked);
        return responderHours(engagements, (user) => zoneOr(zones.get(user)));
      });
    return { ...main, responders };
  }

  /** Stores the figures of incidents whose timelines changed since they were last derived. */
  refreshFigures(budgetMs = REFRESH_BUDGET_MS): Promise<number> {
    return this.deps.repos.insights.refresh(this.deps.db, budgetMs);
  }

  /** A resolved incident's phases as insights count them; undefined while it is open. */
  async resolvedIncident(incident: { id: number; resolvedAt: DateTime | null }): Promise<IncidentPhases | undefined> {
    if (!incident.resolvedAt) return undefined;
    const at = { from: incident.resolvedAt, to: incident.resolvedAt.plus({ milliseconds: 1 }) };
    const [found] = await this.deps.repos.insights.incidents(this.deps.db, at, incident.id);
    return found;
  }

  /** Every incident of the period, drills included (flagged), for the CSV. */
  async incidents(period: Period): Promise<IncidentPhases[]> {
    assertPeriod(period);
    await this.refreshFigures();
    return this.deps.repos.insights.snapshot(this.deps.db, (tx) => this.deps.repos.insights.incidents(tx, period));
  }
}

/** How long a report may spend storing figures gone stale before it derives the rest itself. */
const REFRESH_BUDGET_MS = 2000;

const zoneOr = (zone: string | undefined): string => (zone && Info.isValidIANAZone(zone) ? zone : FALLBACK_ZONE);
