import { pino, type Logger as PinoLogger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

export type Logger = PinoLogger;

/** Paths pino blanks out wherever they appear, so tokens and secrets never reach a log. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'headers["x-slack-signature"]',
  'password',
  'databaseUrl',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'incident-bot' } }, destination as never);
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
