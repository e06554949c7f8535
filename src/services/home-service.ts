import type { Clock } from '../clock.js';
import type { Incident } from '../domain/incident.js';
import { holdsRole } from '../domain/policy.js';
import type { HomeData } from '../domain/home.js';
import type { InsightsReport } from '../domain/insights/figures.js';
import type { Period } from '../domain/insights/period.js';
import type { Access } from './access.js';
import { OpenIncidents } from './open-incidents.js';
import { RecentInsights } from './recent-insights.js';
import { runInTransaction, type TransactionDeps } from './incident-transaction.js';

/** At most one App Home publish per person this often, however busy the incidents are. */
export const HOME_THROTTLE_SECONDS = 5;
/** The most App Home lists: open incidents, yours, recently resolved, follow-ups (and checklist items). */
export const HOME_SHOWN = { open: 20, mine: 10, recent: 5, followUps: 10 };
const RECENT_DAYS = 7;
export const INSIGHTS_DAYS = 28;

export interface HomeServiceDeps extends TransactionDeps {
  clock: Clock;
  access?: Access;
  /** The figures across incidents shown at the bottom (InsightsService). */
  insights?: { report(period: Period): Promise<InsightsReport> };
}

/** App Home: who opened it, when to publish it again, and what it shows to each person. */
export class HomeService {
  private readonly recentInsights?: RecentInsights;

  constructor(private readonly deps: HomeServiceDeps) {
    if (deps.insights) this.recentInsights = new RecentInsights(deps.insights, INSIGHTS_DAYS);
  }

  /** `app_home_opened`: remember the viewer and publish now, unless a publish already waits. */
  async opened(userId: string): Promise<void> {
    const now = this.deps.clock.now();
    await runInTransaction(this.deps, async (tx, repos) => {
      await repos.homeTabs.lock(tx);
      await repos.homeTabs.opened(tx, userId, now);
      if (await repos.outbox.homePublishWaiting(tx, userId)) return;
      await repos.outbox.enqueue(tx, { incidentId: null, intent: { kind: 'home.publish', userId }, now });
    });
  }

  /** Something changed: a publish for each viewer, no sooner than the throttle allows, one waiting at most. */
  async queuePublishes(): Promise<number> {
    const now = this.deps.clock.now();
    return runInTransaction(this.deps, async (tx, repos) => {
      await repos.homeTabs.lock(tx);
      let queued = 0;
      for (const viewer of await repos.homeTabs.viewers(tx)) {
        if (await repos.outbox.homePublishWaiting(tx, viewer.userId)) continue;
        const earliest = viewer.publishedAt?.plus({ seconds: HOME_THROTTLE_SECONDS });
        const availableAt = earliest && earliest > now ? earliest : now;
        await repos.outbox.enqueue(tx, { incidentId: null, intent: { kind: 'home.publish', userId: viewer.userId }, now, availableAt });
        queued += 1;
      }
      return queued;
    });
  }

  async published(userId: string): Promise<void> {
    await this.deps.repos.homeTabs.published(this.deps.db, userId, this.deps.clock.now());
  }

  async view(userId: string): Promise<HomeData> {
    const { db, repos } = this.deps;
    const now = this.deps.clock.now();
    // Read only what is shown: a page in rank order and a count, whatever the number open.
    const openIncidents = new OpenIncidents(this.deps);
    const open = await openIncidents.page(userId, HOME_SHOWN.open);
    const items = await repos.actionItems.listOpenForOwner(db, userId, HOME_SHOWN.followUps);
    const followUps = await Promise.all(items.map(async (item) => {
      const incident = await repos.incidents.findById(db, item.incidentId);
      return { item, incident: incident && (await this.canSee(userId, incident)) ? incident : undefined };
    }));
    const assigned = await repos.runbooks.assignedTo(db, userId, HOME_SHOWN.followUps);
    // Only items of open incidents this person may see (read by id: `open` is only the first page).
    const theirs = await repos.incidents.findByIds(db, [...new Set(assigned.map((a) => a.incidentId))]);
    const seen = new Map((await this.visible(userId, theirs.filter((i) => i.status !== 'resolved'))).map((i) => [i.id, i]));
    const checklistItems = assigned.flatMap(({ incidentId, runbookTitle, item }) => {
      const incident = seen.get(incidentId);
      return incident ? [{ incident, runbookTitle, item }] : [];
    });
    const mine = await openIncidents.mine(userId, HOME_SHOWN.mine);
    const resolved = await repos.incidents.listResolvedSince(db, now.minus({ days: RECENT_DAYS }), HOME_SHOWN.recent * 3);
    return {
      userId,
      now,
      open: open.incidents,
      moreOpen: Math.max(0, open.total - open.incidents.length),
      moreOpenCapped: open.capped,
      mine: mine.incidents,
      moreMine: Math.max(0, mine.total - mine.incidents.length),
      moreMineCapped: mine.capped,
      followUps,
      checklistItems,
      recentlyResolved: (await this.visible(userId, resolved)).slice(0, HOME_SHOWN.recent),
      ...(this.recentInsights ? { insights: await this.recentInsights.report(now) } : {}),
    };
  }

  private async visible(userId: string, incidents: Incident[]): Promise<Incident[]> {
    const seen = await Promise.all(incidents.map((i) => this.canSee(userId, i)));
    return incidents.filter((_, index) => seen[index]);
  }

  private canSee(userId: string, incident: Incident): Promise<boolean> {
    if (this.deps.access) return this.deps.access.canSee(userId, incident);
    return Promise.resolve(!incident.isPrivate || holdsRole(userId, incident));
  }
}
