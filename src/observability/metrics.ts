import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What /metrics reads from Postgres and the pool at each scrape. */
export interface OperatorSnapshot {
  openIncidents: Record<string, number>;
  outboxPending: number;
  oldestPendingAgeSeconds: number;
}

export interface MetricsSources {
  snapshot(): Promise<OperatorSnapshot>;
  pool(): { inUse: number; waiting: number };
}

export type SlackRequestKind = 'command' | 'action' | 'view' | 'shortcut' | 'options' | 'event' | 'other';

/**
 * The bot's Prometheus metrics, on a registry of its own (no process-wide default), in the text
 * format at /metrics. Counters and histograms are fed as things happen; gauges are read at scrape.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly ackSeconds = new Histogram({
    name: 'incident_bot_slack_ack_seconds',
    help: 'Time from a Slack request arriving to its acknowledgement, by kind (Slack waits 3 s).',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5],
    registers: [this.registry],
  });

  readonly apiCalls = new Counter({
    name: 'incident_bot_slack_api_calls_total',
    help: 'Slack Web API calls by method and outcome (ok, rate_limited, or the Slack error).',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly apiSeconds = new Histogram({
    name: 'incident_bot_slack_api_call_seconds',
    help: 'Slack Web API call latency by method.',
    labelNames: ['method'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'incident_bot_slack_api_rate_limited_total',
    help: 'Slack Web API calls answered 429, by method.',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });

  readonly remindersPosted = new Counter({
    name: 'incident_bot_reminders_posted_total',
    help: 'Status-update reminders sent to the outbox, by stage (1 reminder, 2 escalation, 3 overdue).',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly reminderLateness = new Histogram({
    name: 'incident_bot_reminder_lateness_seconds',
    help: 'Time from when a reminder was due to when it was claimed and queued.',
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 300],
    registers: [this.registry],
  });

  readonly phaseSeconds = new Histogram({
    name: 'incident_bot_incident_phase_seconds',
    help: 'Each resolved incident\'s phases (detect, acknowledge, mitigate, resolve) by peak severity, observed at resolution; drills left out.',
    labelNames: ['phase', 'severity'] as const,
    buckets: [60, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400],
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'incident_bot_' });
    const registers = [this.registry];
    let pending: Promise<OperatorSnapshot> | undefined;
    // One query per scrape, shared by the gauges that read it.
    const snapshot = () => (pending ??= sources.snapshot().finally(() => setTimeout(() => (pending = undefined), 0)));
    new Gauge({
      name: 'incident_bot_incidents_open',
      help: 'Open incidents by severity.',
      labelNames: ['severity'] as const,
      registers,
      async collect() {
        const { openIncidents } = await snapshot();
        this.reset();
        for (const [severity, count] of Object.entries(openIncidents)) this.set({ severity }, count);
      },
    });
    new Gauge({
      name: 'incident_bot_outbox_pending',
      help: 'Outbox messages waiting to reach Slack.',
      registers,
      async collect() {
        this.set((await snapshot()).outboxPending);
      },
    });
    new Gauge({
      name: 'incident_bot_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox message waiting to reach Slack (0 when none waits).',
      registers,
      async collect() {
        this.set((await snapshot()).oldestPendingAgeSeconds);
      },
    });
    new Gauge({
      name: 'incident_bot_db_pool_connections_in_use',
      help: 'Database pool connections checked out.',
      registers,
      collect() {
        this.set(sources.pool().inUse);
      },
    });
    new Gauge({
      name: 'incident_bot_db_pool_waiting',
      help: 'Queries waiting for a database pool connection.',
      registers,
      collect() {
        this.set(sources.pool().waiting);
      },
    });
  }
}
