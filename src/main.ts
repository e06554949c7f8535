import { startApplication } from './application.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { RequestContext } from './observability/request-context.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const requestIds = new RequestContext();
  const logger = createLogger(config.logLevel, undefined, requestIds);
  // A stray rejection (a library's background call, a listener's late promise) is logged, never fatal:
  // the bot is needed most when things are failing.
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection; the bot carries on');
  });
  const app = await startApplication({ config, logger, requestIds, host: config.slack.mode === 'sandbox' ? '127.0.0.1' : undefined });
  if (config.slack.mode === 'sandbox') {
    logger.info(
      { url: app.url, transport: config.slack.transport },
      `No Slack credentials: running against the local workspace. Open ${app.url.replace('127.0.0.1', 'localhost')} in a browser.`,
    );
  } else {
    logger.info({ port: app.port, mode: config.slack.mode }, 'incident bot is running against Slack');
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutSeconds: config.shutdownTimeoutMs / 1000 }, 'shutting down');
    // The last word if something hangs past the timeout: exit anyway.
    setTimeout(() => {
      logger.error('shutdown took longer than SHUTDOWN_TIMEOUT; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2000).unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`incident bot failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
