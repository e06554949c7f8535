import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('runs against the local workspace and PGlite when nothing is set', () => {
    const config = loadConfig({});
    expect(config.slack).toEqual({ mode: 'sandbox', transport: 'http' });
    expect(config.database.url).toBeUndefined();
    expect(config.database.poolSize).toBe(10);
    expect(config.database.statementTimeoutMs).toBe(5000);
    expect(config.port).toBe(3000);
    expect(config.incidentsChannel).toBe('incidents');
  });

  it('chooses HTTP mode with a signing secret and Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack.mode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.mode).toBe('socket');
  });

  it('takes SLACK_MODE for the local workspace, and holds credentials to it', () => {
    expect(loadConfig({ SLACK_MODE: 'socket' }).slack).toEqual({ mode: 'sandbox', transport: 'socket' });
    expect(loadConfig({ SLACK_MODE: 'http' }).slack).toEqual({ mode: 'sandbox', transport: 'http' });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1', SLACK_MODE: 'http' }).slack.mode).toBe('http');
    expect(() => loadConfig({ SLACK_MODE: 'websocket' })).toThrow(/SLACK_MODE/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_MODE: 'socket' })).toThrow(/SLACK_APP_TOKEN: is required with SLACK_MODE=socket/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_MODE: 'http' })).toThrow(/SLACK_SIGNING_SECRET: is required with SLACK_MODE=http/);
  });

  it('reads cadence overrides per severity', () => {
    expect(loadConfig({ CADENCE_SEV1_MINUTES: '10' }).cadenceOverrides).toEqual({ sev1: 10 });
  });

  it('reads the timeline emoji with or without colons, and refuses what is not an emoji name', () => {
    expect(loadConfig({}).timelineEmoji).toBe('pushpin');
    expect(loadConfig({ TIMELINE_EMOJI: ':memo:' }).timelineEmoji).toBe('memo');
    expect(() => loadConfig({ TIMELINE_EMOJI: 'not an emoji' })).toThrow(/TIMELINE_EMOJI/);
  });

  it('reads the insights digest schedule as a cron expression, off, or refuses it', () => {
    expect(loadConfig({}).insightsDigest).toBe('0 9 * * 1');
    expect(loadConfig({ INSIGHTS_DIGEST: '30 8 * * 5' }).insightsDigest).toBe('30 8 * * 5');
    expect(loadConfig({ INSIGHTS_DIGEST: 'off' }).insightsDigest).toBeNull();
    expect(() => loadConfig({ INSIGHTS_DIGEST: 'every monday' })).toThrow(/INSIGHTS_DIGEST/);
  });

  it('names every invalid field at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_POOL_SIZE: '0', EXPORT_TIME_ZONE: 'Mars/Olympus', SLACK_BOT_TOKEN: 'xoxb-1', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const field of ['PORT', 'DATABASE_POOL_SIZE', 'EXPORT_TIME_ZONE', 'SLACK_SIGNING_SECRET', 'LOG_LEVEL']) {
      expect(problems).toContain(field);
    }
  });

  it('never echoes secrets in its errors', () => {
    try {
      loadConfig({ SLACK_SIGNING_SECRET: 'super-secret-value' });
    } catch (err) {
      expect((err as Error).message).not.toContain('super-secret-value');
      return;
    }
    throw new Error('expected a ConfigError');
  });
});
