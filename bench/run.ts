/** `npm run bench`: runs each benchmark module in turn and prints its figures. */
import { ackLatencyBench } from './ack-latency.js';
import { postmortemBench } from './postmortem.js';
import { remindersBench } from './reminders.js';

export interface BenchModule {
  name: string;
  /** Lines of figures to print. */
  run(): string[] | Promise<string[]>;
}

const BENCHES: BenchModule[] = [ackLatencyBench, postmortemBench, remindersBench];

async function main(): Promise<void> {
  for (const bench of BENCHES) {
    const started = performance.now();
    const lines = await bench.run();
    process.stdout.write(`# ${bench.name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    for (const line of lines) process.stdout.write(`  ${line}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
