import type { DateTime } from 'luxon';
import type { Executor } from '../db/client.js';
import type { RecordedAlert } from '../domain/alerts/alert.js';
import type { Repositories } from '../db/repositories/index.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef } from '../domain/incident.js';
import { bringAlertRunbooks } from './alert-runbooks.js';
import type { Texts } from '../domain/texts/index.js';

/** Each alert at its own time: a firing one when it started, a resolved one when it ended. */
export async function recordOnTimeline(tx: Executor, repos: Repositories, incidentId: number, alerts: RecordedAlert[], now: DateTime) {
  for (const alert of alerts) {
    const firing = alert.status === 'firing';
    const at = firing ? alert.startsAt : (alert.endsAt ?? now);
    await repos.timeline.append(tx, {
      incidentId,
      kind: firing ? 'alert_fired' : 'alert_resolved',
      actorId: null,
      occurredAt: at > now ? now : at,
      data: { alertId: alert.id, source: alert.sourceName, title: alert.title, detailsUrl: alert.detailsUrl },
    });
  }
}

/**
 * Checks, under the group's lock, that no open incident tracks the alert's group yet (someone may
 * have clicked Declare on it a moment earlier, or an alert may have declared it).
 */
export async function claimAlertGroup(tx: Executor, repos: Repositories, alert: RecordedAlert): Promise<void> {
  await repos.alerts.lockGroup(tx, alert.source, alert.groupKey);
  const tracking = await repos.alerts.openIncidentFor(tx, alert.source, alert.groupKey);
  if (tracking !== undefined) throw new DomainError('invalid_input', (t) => t.errors.alertTrackedAlready(incidentRef(tracking)));
}

/** The alert's group now belongs to the incident: its alerts so far go on the timeline, their runbooks on its Tasks. */
export async function linkAlertGroup(tx: Executor, repos: Repositories, incidentId: number, alert: RecordedAlert, now: DateTime, texts: Texts) {
  const loose = await repos.alerts.unattached(tx, alert.source, alert.groupKey);
  await repos.alerts.attachGroup(tx, alert.source, alert.groupKey, incidentId);
  await recordOnTimeline(tx, repos, incidentId, loose, now);
  await bringAlertRunbooks(tx, repos, incidentId, loose, [], now, texts);
}
