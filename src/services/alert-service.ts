import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import { batchTitle, firstFiringAt, type AlertBatch, type RecordedAlert } from '../domain/alerts/alert.js';
import { decideAlert, type AlertRules } from '../domain/alerts/rules.js';
import { incidentRef } from '../domain/incident.js';
import type { CadenceMinutes } from '../domain/severity.js';
import { writeDeclaration } from './incident-service.js';
import type { Runbook } from '../domain/runbooks/index.js';
import { bringAlertRunbooks } from './alert-runbooks.js';
import { en, type Texts } from '../domain/texts/index.js';
import { recordOnTimeline } from './alert-timeline.js';
import { enqueueIntent, runInTransaction, type TransactionDeps } from './incident-transaction.js';

export interface AlertServiceDeps extends TransactionDeps {
  clock: Clock;
  cadence: CadenceMinutes;
  rules: AlertRules;
  /** Declares on the alert's behalf, and commands when no rule names a commander. */
  botUserId: string;
  /** Attached to the incidents alerts declare, as to any other. */
  runbooks?: readonly Runbook[];
  /** The channels' language (BOT_LOCALE) for what the bot writes into the incidents it declares; English when absent. */
  channelTexts?: Texts;
}

/** What one notification led to; the hook answers with it. */
export type AlertOutcome =
  | { outcome: 'duplicate' }
  | { outcome: 'recorded' }
  | { outcome: 'ignored' }
  | { outcome: 'posted'; alertId: number }
  | { outcome: 'declared' | 'attached'; incident: string };

/**
 * Alerts in: each notification, in one transaction per group, is recorded once, then attached to
 * the open incident tracking its group, or (by the rules) declares one or is posted to #incidents.
 */
export class AlertService {
  constructor(private readonly deps: AlertServiceDeps) {}

  /** An alert posted to #incidents, and the open incident that tracks its group by now, if any. */
  async posted(alertId: number): Promise<{ alert: RecordedAlert; trackedBy: number | undefined } | undefined> {
    const { db, repos } = this.deps;
    const alert = await repos.alerts.find(db, alertId);
    if (!alert) return undefined;
    return { alert, trackedBy: await repos.alerts.openIncidentFor(db, alert.source, alert.groupKey) };
  }

  /** The rule's runbooks from the library (start-up checked that every id is there). */
  private ruleRunbooks(ids: readonly string[]): Runbook[] {
    return ids.flatMap((id) => this.deps.runbooks?.filter((r) => r.id === id) ?? []);
  }

  receive(batch: AlertBatch): Promise<AlertOutcome> {
    const now = this.deps.clock.now();
    const texts = this.deps.channelTexts ?? en;
    return runInTransaction(this.deps, async (tx, repos): Promise<AlertOutcome> => {
      await repos.alerts.lockGroup(tx, batch.source, batch.groupKey);
      const fresh = await repos.alerts.recordNew(tx, batch, now);
      if (fresh.length === 0) return { outcome: 'duplicate' };
      const openId = await repos.alerts.openIncidentFor(tx, batch.source, batch.groupKey);
      if (openId !== undefined) {
        await attach(tx, repos, openId, fresh, now);
        await bringAlertRunbooks(tx, repos, openId, fresh, [], now, texts);
        return { outcome: 'attached', incident: incidentRef(openId) };
      }
      const firing = fresh.filter((a) => a.status === 'firing');
      if (firing.length === 0) return { outcome: 'recorded' };
      const decision = decideAlert(this.deps.rules, { ...firing[0]!.labels, ...batch.commonLabels });
      if (decision.action === 'ignore') return { outcome: 'ignored' };
      if (decision.action === 'post') {
        await enqueueIntent(tx, repos, null, now, { kind: 'alert.post', alertId: firing[0]!.id });
        return { outcome: 'posted', alertId: firing[0]!.id };
      }
      const detectedAt = firstFiringAt(firing) ?? now;
      const startedAt = detectedAt < now ? detectedAt : now;
      const incident = await writeDeclaration({ ...this.deps, tx, repos, now }, {
        title: batchTitle(batch),
        severity: decision.severity,
        scenario: decision.scenario,
        impact: texts.notices.alert.declaredFrom(batch.sourceName, firing.map((a) => a.title).join('; ')).slice(0, 2000),
        commanderId: decision.commanderId ?? this.deps.botUserId,
        declaredBy: this.deps.botUserId,
        startedAt,
        detectedAt: startedAt,
        isPrivate: decision.isPrivate,
      }, null);
      await repos.alerts.attachGroup(tx, batch.source, batch.groupKey, incident.id);
      await recordOnTimeline(tx, repos, incident.id, fresh, now);
      await bringAlertRunbooks(tx, repos, incident.id, fresh, this.ruleRunbooks(decision.runbookIds), now, texts);
      return { outcome: 'declared', incident: incidentRef(incident.id) };
    });
  }
}

/** An open incident hears of its group's new alerts; once all are resolved, it is offered a Resolve button. */
async function attach(tx: Executor, repos: Repositories, incidentId: number, fresh: RecordedAlert[], now: DateTime) {
  await repos.alerts.attachGroup(tx, fresh[0]!.source, fresh[0]!.groupKey, incidentId);
  await recordOnTimeline(tx, repos, incidentId, fresh, now);
  const allResolved = await repos.alerts.allResolved(tx, incidentId);
  for (const [i, alert] of fresh.entries()) {
    const suggestResolve = allResolved && i === fresh.length - 1;
    await enqueueIntent(tx, repos, incidentId, now, { kind: 'alert.notice', alertId: alert.id, suggestResolve });
  }
}
