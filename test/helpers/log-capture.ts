import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

/** One pino record as written: `level` is numeric (50 = error, 60 = fatal). */
export interface LogRecord {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface LogCapture {
  logger: Logger;
  records: LogRecord[];
  /** Records at `level` or above (default error) written since `from` (an index into `records`). */
  atLeast(level?: number, from?: number): LogRecord[];
}

/**
 * A real app logger (the same scrubbing and formatters as production) whose records are kept in
 * memory, so a test can assert what the app logged. Pass `logger` to `startTestApp`.
 */
export function captureLogs(level = 'warn', requestIds?: { current(): string | undefined }): LogCapture {
  const records: LogRecord[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        try {
          records.push(JSON.parse(line) as LogRecord);
        } catch {
          records.push({ level: 60, msg: `unparseable log line: ${line}` });
        }
      }
      done();
    },
  });
  const logger = createLogger(level, sink, requestIds);
  return { logger, records, atLeast: (min = 50, from = 0) => records.slice(from).filter((r) => r.level >= min) };
}
