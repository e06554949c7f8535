import { DateTime } from 'luxon';
import type { Incident } from '../../../src/domain/incident.js';
import type { PostmortemInput } from '../../../src/domain/postmortem/model.js';
import { DEFAULT_CADENCE } from '../../../src/domain/severity.js';
import type { ActionItem, StatusUpdate, TimelineEvent } from '../../../src/domain/timeline.js';
import { looseEvent } from '../../helpers/loose-event.js';

export const ZONE = 'Asia/Seoul';
export const kst = (hhmm: string, date = '2024-11-15'): DateTime =>
  DateTime.fromISO(`${date}T${hhmm}:00`, { zone: ZONE }).toUTC();

export const ONCALL = 'U01ONCALL1';
export const DBA = 'U02DBADMIN';
export const COMMS = 'U03COMMSXX';
export const USER_NAMES: Record<string, string> = {
  [ONCALL]: 'Minji Park',
  [DBA]: 'Seojun Lee',
  [COMMS]: 'Hana Kim',
};

/** The 11 entries of seed 002's timeline, verbatim. */
export const SEED_002_TIMELINE: [string, string][] = [
  ['14:23', 'Automated alert: order-service database connection pool exhaustion'],
  ['14:25', 'On-call engineer acknowledged alert, began investigation'],
  ['14:30', 'Identified: PostgreSQL primary node CPU at 100%, replication lag >60s'],
  ['14:35', 'Root cause identified: Long-running analytical query from batch job'],
  ['14:38', 'Attempted to kill the problematic query, but it respawned from cron'],
  ['14:42', 'Disabled the batch cron job in Kubernetes CronJob'],
  ['14:45', 'Killed all long-running analytical queries manually'],
  ['14:50', 'Database CPU started recovering, replication lag decreasing'],
  ['15:10', 'Connection pool recovered, write operations resumed'],
  ['15:30', 'Replication lag cleared, read operations fully restored'],
  ['15:47', 'All metrics nominal, incident resolved'],
];

export const SEED_002_FACTORS = [
  'No query timeout configured on the database connection',
  'No resource quota for the analytics namespace',
  'The batch job was scheduled during peak traffic hours (14:00 KST)',
  'No read replica routing for analytical queries',
  'Missing database connection pool limits per service',
];

export const SEED_002_ACTIONS: [ActionItem['horizon'], string][] = [
  ['immediate', 'Kill problematic queries and disable batch cron'],
  ['immediate', 'Add pg_stat_statements monitoring for query duration'],
  ['immediate', 'Set statement_timeout=30s on application database connections'],
  ['short_term', 'Add read replica for all analytical and reporting queries'],
  ['short_term', 'Implement per-namespace resource quotas in Kubernetes'],
  ['short_term', 'Reschedule batch jobs to off-peak hours (03:00 KST)'],
  ['short_term', 'Add query cost estimation before execution in batch framework'],
  ['long_term', 'Implement database connection pool per service with limits'],
  ['long_term', 'Deploy PgBouncer as connection pooler'],
  ['long_term', 'Create dedicated analytics database with CDC replication'],
  ['long_term', 'Add circuit breaker pattern for database connections'],
  ['long_term', 'Implement automated query killer for queries exceeding threshold'],
];

export function seed002(): PostmortemInput {
  const incident: Incident = {
    id: 42,
    title: 'Production Database Outage: order-service',
    severity: 'sev1',
    status: 'resolved',
    scenario: 'database',
    impact:
      'All write operations to the order-service database failed. Read operations degraded to 30% success rate. Approximately 2,300 orders were delayed.',
    commanderId: ONCALL,
    commsLeadId: COMMS,
    scribeId: null,
    declaredBy: ONCALL,
    channelId: 'C07INCIDNT',
    channelName: 'inc-42-order-db-outage',
    startedAt: kst('14:23'),
    detectedAt: kst('14:23'),
    declaredAt: kst('14:23'),
    lastUpdateAt: kst('15:40'),
    nextUpdateDueAt: null,
    resolvedAt: kst('15:47'),
    isDrill: false, isPrivate: false,
  };

  let id = 0;
  const ev = (
    hhmm: string,
    kind: TimelineEvent['kind'],
    actorId: string | null,
    data: Record<string, unknown> = {},
  ): TimelineEvent => looseEvent({ id: ++id, incidentId: 42, kind, actorId, occurredAt: kst(hhmm), data });

  const updates: StatusUpdate[] = [
    ['14:30', 'identified', 'Writes failing on order-service; primary CPU 100%.'],
    ['14:45', 'identified', 'Batch cron disabled; killing analytical queries.'],
    ['15:00', 'monitoring', 'CPU recovering; replication lag decreasing.'],
    ['15:15', 'monitoring', 'Writes resumed; reads still degraded.'],
    ['15:40', 'monitoring', 'Reads restored; watching metrics before resolving.'],
  ].map(([at, status, summary], i) => ({
    id: 100 + i,
    incidentId: 42,
    authorId: COMMS,
    status: status as StatusUpdate['status'],
    severity: 'sev1' as const,
    postedAt: kst(at as string),
    fields: {
      summary: summary as string,
      impact_scope: 'order-service writes | reads (30%)',
      customer_impact: 'Orders cannot be placed\nor are delayed',
      workaround: 'None',
      mitigation_eta: '15:00 KST',
      recovery_eta: 'unknown',
    },
  }));

  // Each seed entry is a note; the bot's own records interleave at the same minutes.
  const [t] = [SEED_002_TIMELINE];
  const note = (i: number, actor: string | null): TimelineEvent =>
    ev(t[i]![0], 'note_added', actor, { text: t[i]![1] });
  const timeline: TimelineEvent[] = [
    ev('14:23', 'declared', null, { severity: 'sev1' }),
    note(0, null),
    ev('14:23', 'role_assigned', null, { role: 'commander', userId: ONCALL }),
    note(1, ONCALL),
    note(2, DBA),
    ev('14:30', 'update_posted', COMMS, { updateId: 100 }),
    note(3, DBA),
    ev('14:35', 'status_changed', ONCALL, { from: 'investigating', to: 'identified' }),
    note(4, DBA),
    ev('14:38', 'reminder_sent', null),
    note(5, DBA),
    note(6, DBA),
    ev('14:45', 'update_posted', COMMS, { updateId: 101 }),
    note(7, DBA),
    ev('14:50', 'status_changed', ONCALL, { from: 'identified', to: 'monitoring' }),
    ev('15:00', 'update_posted', COMMS, { updateId: 102 }),
    note(8, DBA),
    ev('15:15', 'update_posted', COMMS, { updateId: 103 }),
    note(9, DBA),
    ev('15:40', 'update_posted', COMMS, { updateId: 104 }),
    note(10, ONCALL),
    ev('15:47', 'resolved', ONCALL),
  ];

  const actionItems: ActionItem[] = SEED_002_ACTIONS.map(([horizon, title], i) => ({
    id: 200 + i,
    incidentId: 42,
    title,
    ownerId: i % 2 === 0 ? DBA : ONCALL,
    horizon,
    dueDate: horizon === 'immediate' ? '2024-11-15' : horizon === 'short_term' ? '2024-11-22' : '2024-12-15',
    done: horizon === 'immediate',
    createdAt: kst('15:50'),
  }));

  return {
    incident,
    timeline,
    updates,
    actionItems,
    resolution: {
      summary:
        'A batch analytics job ran a full table scan against the order-service primary database during peak hours, exhausting connections; writes failed for 47 minutes and reads were degraded until 15:30.',
      rootCause:
        'The batch analytics job (report-generator CronJob) was deployed without resource constraints and ran a full table scan query on the orders table (47M rows) without proper indexing.',
      rootCauseConfirmed: true,
      contributingFactors: SEED_002_FACTORS,
      recoverySignal: 'Replication lag at 0 and order placement error rate back under 0.1%',
      recoveredAt: kst('15:30'),
      customerImpact: [
        '- 2,300 orders delayed by average 45 minutes',
        '- 150 orders failed and required manual retry by customer support',
        '- 12 partner API webhook deliveries failed (retried successfully)',
        '- Customer-facing error rate peaked at 67% for order placement',
      ].join('\n'),
      businessImpact: 'Estimated revenue impact: approximately $15,000 in delayed processing',
    },
    userNames: USER_NAMES,
    cadence: DEFAULT_CADENCE,
  };
}
