/**
 * Reads bounded by what is shown: `/incident list` and App Home with 20, 1,000 and 10,000 open
 * incidents, side by side. Each figure is the p99 of sequential requests through the local
 * workspace (the slash command's acknowledgement, which carries the list; `app_home_opened`'s
 * acknowledgement) and of building the Home tab a person is shown (`HomeService.view`, the read
 * behind each publish), and of the message shortcut's incident picker answering Slack's
 * block_suggestion (opened, and with words typed). Goal: the 10,000 figure within 1.5× of the 20 figure.
 */
import pg from 'pg';
import { createWorkspace } from 'local-slack-workspace';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { LOCAL_BOT_TOKEN, startApplication } from '../src/application.js';
import { localProfile } from '../src/local-workspace/profile.js';
import { MESSAGE_SHORTCUTS } from '../src/slack/capabilities.js';
import { TIMELINE_MESSAGE_INPUT } from '../src/slack/ids.js';
import { freshDatabase, percentile, withCluster } from './cluster.js';
import type { BenchModule } from './run.js';

const SECRET = 'bench-secret';
const SIZES = [20, 1000, 10_000];
const ROUNDS = 300;
const GOAL = 1.5;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 99);
}

interface Figures {
  open: number;
  list: number;
  homeAck: number;
  homeView: number;
  pickerOpened: number;
  pickerTyped: number;
}

async function figures(adminUrl: string, open: number): Promise<Figures> {
  const url = await freshDatabase(adminUrl);
  const ws = createWorkspace({ ...localProfile('incidents'), signingSecret: SECRET, botToken: LOCAL_BOT_TOKEN });
  const app = await startApplication({
    config: loadConfig({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent' }), logger: createLogger('silent'), sandbox: { workspace: ws, signingSecret: SECRET }, startScheduler: false,
  });
  const seed = new pg.Client({ connectionString: url });
  await seed.connect();
  try {
    // Open incidents of every severity, a tenth of them private; Alice commands every seventh.
    await seed.query(
      `insert into incidents (title, severity, status, scenario, impact, declared_by, started_at, detected_at, declared_at, is_private)
       select 'Open ' || g, (array['sev1','sev2','sev3'])[1 + g % 3], 'investigating', 'other', '', 'U_BOB', now(), now(), now() - g * interval '1 second', g % 10 = 0
       from generate_series(1, $1::int) g`,
      [open],
    );
    await seed.query(`insert into incident_roles (incident_id, role, user_id, assigned_at) select id, 'commander', case when id % 7 = 0 then 'U_ALICE' else 'U_BOB' end, now() from incidents`);
    await seed.query('analyze');
    const general = ws.channel('general')!.id;
    const list = async () => {
      const ack = await ws.slashCommand({ userId: 'U_ALICE', channelId: general, text: 'list' });
      if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
    };
    const homeAck = async () => {
      const ack = await ws.openAppHome('U_ALICE');
      if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
    };
    const homeView = () => app.homes.view('U_ALICE');
    // The message shortcut's picker: Slack's block_suggestion as the menu opens and as words are typed.
    const said = await ws.postAsUser({ userId: 'U_CAROL', channelId: general, text: 'Customers report errors' });
    await ws.messageShortcut({ userId: 'U_ALICE', channelId: general, messageTs: said.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
    await app.slack.settled();
    const picker = ws.openViews('U_ALICE').at(-1)!;
    const suggest = (value: string) => async () => {
      const answer = await ws.blockSuggestion({ userId: 'U_ALICE', viewId: picker.id, actionId: TIMELINE_MESSAGE_INPUT.incident.action, value });
      if (!answer.ok || answer.options.length === 0) throw new Error(`picker: ${answer.ok ? 'no options' : answer.message}`);
    };
    await timed(list); // warm-up
    return {
      open, list: await timed(list), homeAck: await timed(homeAck), homeView: await timed(homeView),
      pickerOpened: await timed(suggest('')), pickerTyped: await timed(suggest('open 1')),
    };
  } finally {
    await seed.end();
    await app.stop();
  }
}

async function run(adminUrl: string): Promise<string[]> {
  const results: Figures[] = [];
  for (const open of SIZES) results.push(await figures(adminUrl, open));
  const first = results[0]!;
  const last = results.at(-1)!;
  const row = (name: string, pick: (r: Figures) => number) => {
    const ratio = pick(last) / pick(first);
    return `${name.padEnd(34)} ${results.map((r) => `${r.open.toLocaleString('en')}: ${pick(r).toFixed(2)} ms`).join('  ')}  ` +
      `→ ${ratio.toFixed(2)}× [goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'meets goal' : 'MISSES goal'}]`;
  };
  return [
    `p99 of ${ROUNDS} sequential requests each, by open incidents (a tenth private), the 10,000 figure against the 20 figure`,
    row('/incident list acknowledgement', (r) => r.list),
    row('App Home (app_home_opened) ack', (r) => r.homeAck),
    row('App Home view built (its reads)', (r) => r.homeView),
    row('shortcut picker opened', (r) => r.pickerOpened),
    row("shortcut picker, 'open 1' typed", (r) => r.pickerTyped),
  ];
}

export const boundedReadsBench: BenchModule = { name: "reads bounded by what is shown: /incident list, App Home and the shortcut's picker by open incidents", run: () => withCluster(run) };
