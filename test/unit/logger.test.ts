import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

describe('logs', () => {
  it('never carry tokens, secrets or authorization headers', () => {
    const { lines, logger } = capture();
    logger.info({ token: 'xoxb-123', signingSecret: 'sekrit', headers: { authorization: 'Bearer api-tok' } }, 'request');
    logger.child({ component: 'x' }).warn({ config: { botToken: 'xoxb-456' } }, 'start');
    const out = lines.join('');
    for (const secret of ['xoxb-123', 'sekrit', 'api-tok', 'xoxb-456']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
