import { z } from 'zod';
import { DEFAULT_LEAD_ACTIONS, INCIDENT_ACTIONS, type IncidentAction } from './domain/policy.js';
import type { CadenceMinutes } from './domain/severity.js';
import { isValidCron } from './jobs/scheduler.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);

const optionalMinutes = z.coerce.number().int().min(1).max(24 * 60).optional();

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_API_URL: optionalString.pipe(z.url().optional()),
    SLACK_MODE: optionalString.pipe(z.enum(['http', 'socket']).optional()),
    INCIDENTS_CHANNEL: z.string().trim().min(1).default('incidents'),
    DATABASE_URL: optionalString,
    DATABASE_LISTEN_URL: optionalString,
    DATABASE_POOL_SIZE: positiveInt(10),
    DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(5000),
    PGLITE_DIR: z.string().default('./.data'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EXPORT_TIME_ZONE: z
      .string()
      .default('UTC')
      .refine((zone) => isValidZone(zone), 'must be an IANA time zone such as Asia/Seoul'),
    POSTMORTEM_LOCALE: z.enum(['en', 'ko']).default('en'),
    BOT_LOCALE: z.enum(['en', 'ko']).default('en'),
    API_TOKEN: optionalString,
    HOOKS_TOKEN: optionalString,
    METRICS_TOKEN: optionalString,
    ALERT_RULES: optionalString,
    RUNBOOKS_DIR: optionalString,
    CADENCE_SEV1_MINUTES: optionalMinutes,
    CADENCE_SEV2_MINUTES: optionalMinutes,
    CADENCE_SEV3_MINUTES: optionalMinutes,
    TICK_SECONDS: positiveInt(15),
    SLACK_POST_INTERVAL_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
    DRILL_SPEED: z.coerce.number().min(1).max(3600).default(1),
    RETENTION_DAYS: positiveInt(30),
    BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
    RESPONDERS: z.string().default('').transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)).pipe(z.array(z.string().regex(/^[UWS][A-Z0-9_]+$/, 'user ids (U…) or user group ids (S…), comma-separated'))),
    POLICY_LEAD_ACTIONS: z.string().optional().transform((v) => (v === undefined || v.trim() === '' ? [...DEFAULT_LEAD_ACTIONS] : v.split(',').map((s) => s.trim()).filter(Boolean))).pipe(z.array(z.enum(INCIDENT_ACTIONS))),
    REMINDERS_IN: z.enum(['incidents', 'incident', 'both']).default('incidents'),
    SHUTDOWN_TIMEOUT: z.coerce.number().min(0).max(600).default(10),
    ACK_DEADLINE_MS: z.coerce.number().int().min(100).max(2900).default(2500),
    INSIGHTS_DIGEST: z
      .string()
      .trim()
      .default('0 9 * * 1')
      .refine((v) => v === 'off' || isValidCron(v), 'must be a cron expression such as 0 9 * * 1 (node-cron), or off'),
    TIMELINE_EMOJI: z.string().trim().transform((v) => v.replace(/^:|:$/g, '')).pipe(z.string().regex(/^[a-z0-9_+'-]+$/, 'an emoji name such as pushpin (with or without colons)')).default('pushpin'),
  });

/** Checked apart from the schema so these are reported together with every other bad field. */
function slackCredentialProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN')) {
    return ['SLACK_SIGNING_SECRET: is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)'];
  }
  if (!set('SLACK_BOT_TOKEN') && (set('SLACK_SIGNING_SECRET') || set('SLACK_APP_TOKEN'))) {
    return ['SLACK_BOT_TOKEN: is required when other Slack credentials are set'];
  }
  const mode = (env['SLACK_MODE'] ?? '').trim();
  if (set('SLACK_BOT_TOKEN') && mode === 'socket' && !set('SLACK_APP_TOKEN')) return ['SLACK_APP_TOKEN: is required with SLACK_MODE=socket'];
  if (set('SLACK_BOT_TOKEN') && mode === 'http' && !set('SLACK_SIGNING_SECRET')) return ['SLACK_SIGNING_SECRET: is required with SLACK_MODE=http'];
  return [];
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  /**
   * How Slack reaches the app. `sandbox`: no credentials, the local workspace runs in this process
   * and reaches the app by signed HTTP requests or, with SLACK_MODE=socket, over Socket Mode.
   * With credentials: HTTP (signed requests to /slack/events) or Socket Mode (SLACK_APP_TOKEN).
   */
  slack:
    | { mode: 'sandbox'; transport: 'http' | 'socket' }
    | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
    | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl?: string };
  incidentsChannel: string;
  /** Where status-update reminders go (see IntentDelivery.postReminder). */
  remindersIn: 'incidents' | 'incident' | 'both';
  database: { url?: string; listenUrl?: string; pgliteDir: string; poolSize: number; statementTimeoutMs: number };
  port: number;
  logLevel: string;
  exportTimeZone: string;
  postmortemLocale: 'en' | 'ko';
  /** The language of channel messages, and of a person's own views when Slack gives no language the bot speaks. */
  botLocale: 'en' | 'ko';
  apiToken?: string;
  /** Bearer token of the alert hooks (/hooks/*); they answer 503 without it. */
  hooksToken?: string;
  /** Bearer token for /metrics; open without it. */
  metricsToken?: string;
  /** A YAML file of alert rules (src/domain/alerts/rules.ts); the default rules without it. */
  alertRulesFile?: string;
  /** The folder of runbook files (src/domain/runbooks); the shipped `runbooks/` without RUNBOOKS_DIR. */
  runbooksDir?: string;
  cadenceOverrides: Partial<CadenceMinutes>;
  tickSeconds: number;
  /** From Slack's answer to one post in a channel to the next post there (Slack allows about one a second). */
  slackPostIntervalMs: number;
  drillSpeed: number;
  /** Handled Slack event ids and delivered outbox rows older than this are deleted. */
  retentionDays: number;
  /** Request bodies past this size are refused (413) before they are read. */
  bodyLimitBytes: number;
  /** Work not done by then is answered "in progress", its outcome following (Slack waits 3 s). */
  ackDeadlineMs: number;
  /** How long a stopping process gives work under way before it exits (SHUTDOWN_TIMEOUT, seconds). */
  shutdownTimeoutMs: number;
  /** The reaction that puts a message on its incident's timeline (TIMELINE_EMOJI, no colons). */
  timelineEmoji: string;
  /** The weekly insights digest's schedule (node-cron, read in exportTimeZone); null: off. */
  insightsDigest: string | null;
  /** Who may do what beyond the incident's own people: responders and the actions kept for leads. */
  access: { responders: string[]; leadActions: IncidentAction[] };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every invalid field is named in the thrown ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...slackCredentialProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const overrides: Partial<CadenceMinutes> = {};
  if (e.CADENCE_SEV1_MINUTES) overrides.sev1 = e.CADENCE_SEV1_MINUTES;
  if (e.CADENCE_SEV2_MINUTES) overrides.sev2 = e.CADENCE_SEV2_MINUTES;
  if (e.CADENCE_SEV3_MINUTES) overrides.sev3 = e.CADENCE_SEV3_MINUTES;
  return {
    slack: slackConfig(e),
    incidentsChannel: e.INCIDENTS_CHANNEL.replace(/^#/, ''),
    remindersIn: e.REMINDERS_IN,
    database: {
      url: e.DATABASE_URL,
      listenUrl: e.DATABASE_LISTEN_URL,
      pgliteDir: e.PGLITE_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    exportTimeZone: e.EXPORT_TIME_ZONE,
    postmortemLocale: e.POSTMORTEM_LOCALE,
    botLocale: e.BOT_LOCALE,
    apiToken: e.API_TOKEN,
    hooksToken: e.HOOKS_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    alertRulesFile: e.ALERT_RULES,
    runbooksDir: e.RUNBOOKS_DIR,
    cadenceOverrides: overrides,
    tickSeconds: e.TICK_SECONDS,
    slackPostIntervalMs: e.SLACK_POST_INTERVAL_MS,
    drillSpeed: e.DRILL_SPEED,
    retentionDays: e.RETENTION_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    ackDeadlineMs: e.ACK_DEADLINE_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT * 1000,
    access: { responders: e.RESPONDERS, leadActions: e.POLICY_LEAD_ACTIONS },
    timelineEmoji: e.TIMELINE_EMOJI,
    insightsDigest: e.INSIGHTS_DIGEST === 'off' ? null : e.INSIGHTS_DIGEST,
  };
}

/** SLACK_MODE chooses when set; otherwise the local workspace uses HTTP and credentials with an app token Socket Mode. */
function slackConfig(e: z.infer<typeof EnvSchema>): Config['slack'] {
  if (!e.SLACK_BOT_TOKEN) return { mode: 'sandbox', transport: e.SLACK_MODE ?? 'http' };
  if (e.SLACK_APP_TOKEN && e.SLACK_MODE !== 'http') {
    return { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL };
  }
  return { mode: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET ?? '', apiUrl: e.SLACK_API_URL };
}
