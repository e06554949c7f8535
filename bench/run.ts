/**
 * `npm run bench`: runs each benchmark module in turn and prints its figures.
 * `npm run bench -- stall ack`: only the modules whose name contains one of the words.
 */
import { ackLatencyBench } from './ack-latency.js';
import { checklistBench } from './checklist.js';
import { boundedReadsBench } from './bounded-reads.js';
import { dueLatenessBench } from './due-lateness.js';
import { insightsBench } from './insights.js';
import { memoryBench } from './memory.js';
import { postmortemBench } from './postmortem.js';
import { remindersBench } from './reminders.js';
import { stallBench } from './stall.js';
import { stormBench } from './storm.js';

export interface BenchModule {
  name: string;
  /** Lines of figures to print. */
  run(): string[] | Promise<string[]>;
}

const BENCHES: BenchModule[] = [ackLatencyBench, boundedReadsBench, checklistBench, dueLatenessBench, insightsBench, memoryBench, postmortemBench, remindersBench, stallBench, stormBench];

async function main(): Promise<void> {
  const words = process.argv.slice(2).map((w) => w.toLowerCase());
  const chosen = words.length ? BENCHES.filter((b) => words.some((w) => b.name.toLowerCase().includes(w))) : BENCHES;
  if (chosen.length === 0) throw new Error(`no bench matches ${words.join(', ')}; have: ${BENCHES.map((b) => b.name).join('; ')}`);
  for (const bench of chosen) {
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
