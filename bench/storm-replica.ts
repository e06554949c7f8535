/**
 * One replica of the bot for the storm bench, in a worker thread of its own (its own event loop,
 * as a replica in its own process has): started from the environment the bench gives it, it
 * reaches the workspace over HTTP like a replica reaching Slack. It counts its database statements
 * and its event loop's busy share from `mark` to `report`, and stops on `stop`.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { startApplication } from '../src/application.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { countStatements } from '../test/helpers/count-statements.js';

export type ReplicaRequest = 'mark' | 'report' | 'stop';
export type ReplicaReply = { ready: true } | { marked: true } | { statements: number; busy: number } | { stopped: true };

const port = parentPort!;
const reply = (message: ReplicaReply) => port.postMessage(message);
const app = await startApplication({
  config: loadConfig((workerData as { env: Record<string, string> }).env),
  logger: createLogger('silent'),
  clock: systemClock,
});
let counter: ReturnType<typeof countStatements> | undefined;
let loop: EventLoopUtilization | undefined;
port.on('message', (request: ReplicaRequest) => {
  if (request === 'mark') {
    counter = countStatements();
    loop = performance.eventLoopUtilization();
    reply({ marked: true });
  } else if (request === 'report') {
    reply({ statements: counter?.count() ?? 0, busy: performance.eventLoopUtilization(loop).utilization });
  } else {
    counter?.restore();
    void app.stop().then(() => reply({ stopped: true }));
  }
});
reply({ ready: true });
