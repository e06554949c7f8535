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

describe('logs, wherever a secret hides', () => {
  it('blank authorization and cookie headers at any depth and in any case', () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error('request failed'), {
      config: { headers: { Authorization: 'Bearer deep-token', Cookie: 'session=abc123' } },
      request: { headers: { cookie: 'sid=zzz999', 'set-cookie': ['a=secretcookie'] } },
    });
    logger.error({ err, req: { headers: { 'Proxy-Authorization': 'Basic cHJveHk=' } } }, 'boom');
    const out = lines.join('');
    for (const secret of ['deep-token', 'abc123', 'zzz999', 'secretcookie', 'cHJveHk=']) expect(out).not.toContain(secret);
    expect(out).toContain('request failed');
  });

  it('scrub tokens and passwords written into text, including the message', () => {
    const { lines, logger } = capture();
    logger.warn({ detail: 'sent Authorization: Bearer abc.def.ghi to postgres://bot:hunter2@db:5432/x' }, 'token xoxb-1-2-secret and xapp-1-A-2');
    const out = lines.join('');
    for (const secret of ['abc.def.ghi', 'hunter2', 'xoxb-1-2-secret', 'xapp-1-A-2']) expect(out).not.toContain(secret);
    expect(out).toContain('postgres://bot:[redacted]@db:5432/x');
  });
});

describe('log lines, by where they go', () => {
  function into(isTTY: boolean) {
    const lines: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      { isTTY },
    );
    return { lines, logger: createLogger('info', stream) };
  }
  // eslint-disable-next-line no-control-regex
  const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
  const secrets = ['xoxb-999-secret', 'sekrit', 'hunter2', 'Bearer-tok'];
  const logSecrets = (logger: ReturnType<typeof createLogger>) =>
    logger.warn({ incident: 7, botToken: 'xoxb-999-secret', signingSecret: 'sekrit', url: 'postgres://bot:hunter2@db/x', headers: { authorization: 'Bearer Bearer-tok' } }, 'reminder sent late');

  it('are one JSON object a line when standard output is not a terminal', () => {
    const { lines, logger } = into(false);
    logSecrets(logger);
    expect(lines).toHaveLength(1);
    const record: unknown = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ level: 40, msg: 'reminder sent late', incident: 7, botToken: '[redacted]' });
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
  });

  it('are pretty-printed for a person when standard output is a terminal, secrets still redacted', () => {
    const { lines, logger } = into(true);
    logSecrets(logger);
    const out = plain(lines.join(''));
    expect(() => void JSON.parse(lines[0]!)).toThrow();
    expect(out).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: reminder sent late\n/);
    expect(out).toContain('incident: 7');
    expect(out).toContain('botToken: "[redacted]"');
    expect(out).not.toContain('incident-bot');
    for (const secret of secrets) expect(out).not.toContain(secret);
  });
});
