import { pino, type DestinationStream, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

export type Logger = PinoLogger;

const CENSOR = '[redacted]';
/** Keys whose values never reach a log, at any depth and in any letter case. */
const SECRET_KEY = /^(?:authorization|proxy-authorization|cookie|set-cookie|x-slack-signature|password|passwd|secret|signingsecret|token|bottoken|apptoken|apitoken|hookstoken|databaseurl|database_url|connectionstring)$/i;
/** Secrets inside free text: Slack tokens, bearer credentials, passwords in connection URLs. */
const SECRET_TEXT: [RegExp, string][] = [
  [/\bxox[abpreo]-[A-Za-z0-9-]+/g, CENSOR],
  [/\bxapp-[A-Za-z0-9-]+/g, CENSOR],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${CENSOR}`],
  [/(\w+:\/\/[^:/@\s]+:)[^@\s]+@/g, `$1${CENSOR}@`],
];

function scrubText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** A copy of a log record with secret keys blanked and secrets in strings scrubbed, cycles cut. */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  const source = value instanceof Error ? { ...value, type: value.name, message: value.message, stack: value.stack } : value;
  for (const [key, v] of Object.entries(source)) out[key] = SECRET_KEY.test(key) ? CENSOR : scrub(v, depth + 1, seen);
  return out;
}

/**
 * A terminal (`npm start` on a laptop) gets lines a person reads, from pino's own pretty printer;
 * anything else (a container's log collector, a pipe, a file) gets one JSON object a line. The
 * record is scrubbed before either sees it.
 */
function output(destination: NodeJS.WritableStream | undefined): DestinationStream | undefined {
  const target = destination ?? process.stdout;
  if (!('isTTY' in target && target.isTTY === true)) return destination;
  const prettify = prettyFactory({ translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' });
  return { write: (line: string) => void target.write(prettify(line)) };
}

/**
 * `destination`: standard output when absent (pretty when it is a terminal, see `output`).
 * `requestIds`: the request under way (src/observability/request-context.ts), named on every line it causes.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream, requestIds?: { current(): string | undefined }): Logger {
  const options: LoggerOptions = {
    level,
    base: { app: 'incident-bot' },
    mixin: () => {
      const requestId = requestIds?.current();
      return requestId ? { requestId } : {};
    },
    formatters: { log: (record) => scrub(record) as Record<string, unknown> },
    hooks: {
      // The message text is scrubbed too: Bolt and the Web API client log strings.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as typeof args);
      },
    },
  };
  const stream = output(destination);
  return stream ? pino(options, stream) : pino(options);
}

/** Bolt wants its own Logger interface; this routes it into pino. */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
