/**
 * `npm run postmortem -- INC-42 [--external] [--locale ko]`: prints the postmortem draft to stdout,
 * from the same configuration and database as the app (DATABASE_URL, EXPORT_TIME_ZONE,
 * POSTMORTEM_LOCALE). Exit codes: 0 printed, 1 unknown incident or failure, 2 bad arguments.
 */
import { systemClock } from '../clock.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { incidentRef, parseIncidentRef } from '../domain/incident.js';
import type { Locale, Variant } from '../domain/postmortem/index.js';
import { DEFAULT_CADENCE } from '../domain/severity.js';
import { createLogger } from '../logger.js';
import { isLocale, PostmortemService } from '../services/postmortem-service.js';

const USAGE = 'usage: npm run postmortem -- INC-42 [--external] [--locale en|ko]';

export interface CliArgs {
  incidentId: number;
  variant: Variant;
  locale?: Locale;
}

/** The arguments, or the reason they are wrong. */
export function parseArgs(argv: string[]): CliArgs | { error: string } {
  let ref: string | undefined;
  let variant: Variant = 'internal';
  let locale: Locale | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--external') variant = 'external';
    else if (arg === '--internal') variant = 'internal';
    else if (arg === '--locale' || arg.startsWith('--locale=')) {
      const value = arg === '--locale' ? argv[(i += 1)] : arg.slice('--locale='.length);
      if (!value || !isLocale(value)) return { error: `--locale must be en or ko, not ${value ?? 'nothing'}` };
      locale = value;
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (ref === undefined) ref = arg;
    else return { error: `unexpected argument ${arg}` };
  }
  if (!ref) return { error: 'which incident? give its reference, e.g. INC-42' };
  const incidentId = parseIncidentRef(ref);
  if (incidentId === undefined) return { error: `${ref} is not an incident reference like INC-42` };
  return { incidentId, variant, ...(locale ? { locale } : {}) };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`postmortem: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger('warn', process.stderr);
  const database = await openDatabase(config.database, logger);
  try {
    const service = new PostmortemService({
      db: database.db,
      repos: createRepositories(),
      clock: systemClock,
      cadence: { ...DEFAULT_CADENCE, ...config.cadenceOverrides },
      timeZone: config.exportTimeZone,
      defaultLocale: config.postmortemLocale,
    });
    const draft = await service.draft(args.incidentId, { variant: args.variant, locale: args.locale });
    if (!draft) {
      process.stderr.write(`postmortem: there is no incident ${incidentRef(args.incidentId)} in this database\n`);
      return 1;
    }
    process.stdout.write(draft.markdown);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`postmortem: ${message}\n`);
    process.exitCode = 1;
  },
);
