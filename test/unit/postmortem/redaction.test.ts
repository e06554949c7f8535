import { describe, expect, it } from 'vitest';
import { redactForExternal } from '../../../src/domain/postmortem/index.js';
import { seed002 } from './fixtures.js';

const R = '(redacted)';
const clean = (text: string) => redactForExternal(text, seed002(), R);

describe('customer-facing redaction', () => {
  it.each([
    ['e-mail addresses', 'Paged dba-oncall@corp.example.com and kim.j+ops@example.co.kr', `Paged ${R} and ${R}`],
    ['IPv4 addresses, with port or prefix', 'Primary 10.0.12.7:5432 and subnet 172.16.0.0/12 dropped', `Primary ${R} and subnet ${R} dropped`],
    ['IPv6 addresses', 'Traffic from fe80::1ff:fe23:4567:890a and 2001:db8:85a3::8a2e:370:7334', `Traffic from ${R} and ${R}`],
    ['internal host names', 'order-db-primary.prod.internal ran out of connections', `${R} ran out of connections`],
    ['host names with a port', 'redis-2.cache.svc.cluster.local:6379 refused', `${R} refused`],
    ['internal URLs of any scheme', 'See postgres://admin@db.internal/orders and jdbc:mysql://x', `See ${R} and jdbc:${R}`],
  ])('removes %s', (_what, text, expected) => {
    expect(clean(text)).toBe(expected);
  });

  it.each([
    'Orders were delayed by about 2.5 hours, e.g. checkout and payments.',
    'We upgraded to version 14.2.1 and rolled back at 15:30.',
    'Error rate peaked at 12.5% (3.2x the usual).',
  ])('leaves plain prose alone: %s', (text) => {
    expect(clean(text)).toBe(text);
  });
});
