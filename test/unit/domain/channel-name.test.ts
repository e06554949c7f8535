import { describe, expect, it } from 'vitest';
import { channelNameFor } from '../../../src/domain/channel-name.js';

const SLACK_CHANNEL_NAME = /^[a-z0-9_-]{1,80}$/;

describe('incident channel names', () => {
  it('is inc-<n>-<slug> in lowercase with dashes', () => {
    expect(channelNameFor(42, 'Checkout API errors!')).toBe('inc-42-checkout-api-errors');
  });

  it('strips accents and keeps only what Slack accepts', () => {
    expect(channelNameFor(3, 'Café — Überweisung fehlgeschlagen')).toBe('inc-3-cafe-uberweisung-fehlgeschlagen');
  });

  it('falls back to inc-<n> for a title with no Latin letters or digits (Hangul, emoji)', () => {
    expect(channelNameFor(5, '결제 장애 🔥🔥')).toBe('inc-5');
    expect(channelNameFor(6, '🔥 DB 🔥 결제')).toBe('inc-6-db');
  });

  it('clips a 200-character title to 80 characters without a trailing dash', () => {
    const title = 'database connection pool exhausted '.repeat(6).slice(0, 200);
    const name = channelNameFor(123456, title);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(SLACK_CHANNEL_NAME);
    expect(name.endsWith('-')).toBe(false);
    expect(name.startsWith('inc-123456-database-connection-pool')).toBe(true);
  });

  it('adds a numeric suffix for a taken name and keeps within 80 characters', () => {
    expect(channelNameFor(42, 'Checkout API errors', 2)).toBe('inc-42-checkout-api-errors-2');
    const long = channelNameFor(42, 'x'.repeat(200), 17);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-17')).toBe(true);
  });

  it('always produces a valid Slack channel name', () => {
    const titles = ['', '   ', '<!channel> & <https://evil|x>', 'a'.repeat(500), 'Ünïcödé', '\n\t', '___', '--x--'];
    for (const title of titles) expect(channelNameFor(1, title)).toMatch(SLACK_CHANNEL_NAME);
  });
});
