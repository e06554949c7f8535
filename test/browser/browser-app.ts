import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DrillClock, SteppedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { LOCAL_BOT_TOKEN, startApplication, type Application } from '../../src/application.js';
import { createWorkspace, type Workspace } from 'local-slack-workspace';
import { localProfile } from '../../src/local-workspace/profile.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { START } from '../helpers/app.js';

export const ARTIFACTS = 'test-artifacts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
  '--disable-component-update', '--disable-sync',
];

export interface BrowserApp {
  app: Application;
  ws: Workspace;
  /** The app's drill clock, over a stepped base clock so a test decides when time passes. */
  clock: DrillClock;
  base: SteppedClock;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

/** The whole app with background delivery on, as `npm start` runs it, and a headless Chromium on its page. */
export async function startBrowserApp(user = 'U_ALICE', env: Record<string, string> = {}): Promise<BrowserApp> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const database: TestDatabase = await createTestDatabase();
  const base = new SteppedClock(START);
  const clock = new DrillClock(1, base);
  const signingSecret = 'browser-test-secret';
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret, botToken: LOCAL_BOT_TOKEN, clock });
  const app = await startApplication({
    config: loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', REMINDERS_IN: 'incident', ...env }),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clock,
    sandbox: { workspace: ws, signingSecret },
    startScheduler: true,
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, timezoneId: 'UTC' });
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${app.url}/?user=${user}`);
  await page.waitForSelector('body[data-ready="true"]');
  return {
    app, ws, clock, base, browser, page,
    stop: async () => {
      await browser.close();
      await app.stop();
      await database.drop();
      if (problems.length) throw new Error(`the page threw: ${problems.join('; ')}`);
    },
  };
}

/** Fills every required field of the open modal that is still empty, like a hurried responder. */
export async function fillRequired(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    for (const block of document.querySelectorAll<HTMLElement>('.modal [data-input-block][data-optional="false"]')) {
      const el = block.querySelector<HTMLElement>('[data-input]');
      if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text')) {
        if (!el.value) el.value = value;
      } else if (el instanceof HTMLSelectElement && !el.value) {
        el.selectedIndex = 1;
      } else if (el?.dataset.type === 'radio_buttons' && !el.querySelector('input:checked')) {
        el.querySelector<HTMLInputElement>('input')!.checked = true;
      }
    }
  }, text);
}
