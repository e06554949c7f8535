/**
 * Property tests over every way in: each /incident subcommand, each button, each modal, and raw
 * signed payloads the workspace would refuse to build, all with hostile text and shapes. Whatever
 * comes in, the bot answers below 500, logs no error (an error record means a listener threw or
 * a use case failed where it should have refused), and goes on serving.
 *
 * FUZZ_SEED and FUZZ_RUNS (per family) reproduce or widen a run; a failure prints its seed and path.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { signRequest, type SubmittedValue, type SubmittedValues, type ViewSnapshot } from 'local-slack-workspace';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBCOMMANDS } from '../../src/slack/commands/incident/registry.js';
import { checklistBlockId } from '../../src/slack/button-values.js';
import { MESSAGE_SHORTCUTS } from '../../src/slack/capabilities.js';
import { ACTION_ID, actionItemInput, CALLBACK_ID, CHECKLIST_SKIP_INPUT, TIMELINE_INPUT, TIMELINE_MESSAGE_INPUT } from '../../src/slack/ids.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { ALICE, BOB, CAROL, channelId, declare, declareValues, openedView, resolveValues, updateValues } from '../helpers/flows.js';
import { captureLogs, type LogCapture, type LogRecord } from '../helpers/log-capture.js';
import { recordingProxy, type RecordedRequest } from '../helpers/recording-proxy.js';

const SECRET = 'test-signing-secret';
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const USERS = [ALICE, BOB, CAROL] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Hostile values

const SAMPLES = [
  '', ' ', '\t \n ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\uDBFF', '\u202Eevil', '\u200B',
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123>', '<@U123>', '<@U_BOB>', '<@U_BOB|bob>', '<@U999999999999999999>', '<#C123|general>',
  '<https://evil.example|click me>', '*b* _i_ ~s~ `c` ```p```', '> quote', '<script>alert(1)</script>', '&amp; &lt; &gt;', '"\'\\', '%00%ZZ',
  '{"incidentId":1}', '{"__proto__":{"isAdmin":true}}', '[1,2]', 'null', 'undefined', 'true', '__proto__', 'constructor', 'prototype', 'toString',
  'hasOwnProperty', '2147483647', '2147483648', '4294967296', '9007199254740992', '9007199254740993', '99999999999999999999', '-1', '0', '01',
  '1e3', '1.5', 'NaN', 'Infinity', '0x10', ' 1', '1 ', '+1', 'sev1', 'SEV1', 'sev0', 'sev9', 'commander', 'comms', 'scribe', 'investigating',
  'resolved', 'ko', 'en', 'declare', 'help',
];
const UNITS = ['a', 'Z', ' ', '\n', '\t', '\u0000', '\uD800', '\uDFFF', '<', '>', '&', '*', '_', '~', '`', '|', '@', '!', '#', '"', "'", '\\',
  '{', '}', '[', ']', ':', '1', '9', '-', '.', '\u200B', '\u202E', 'é', '한', '😀'];

const longText = fc
  .tuple(fc.constantFrom('x', 'é', '😀', '<!channel> ', '\u0000', '\uD800', '*_', '&<>'), fc.integer({ min: 3001, max: 40_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }) },
  { weight: 1, arbitrary: longText },
);

/** One small runbook that joins every incident, for the sweeps that reach the checklist's buttons and skip modal. */
const FUZZ_RUNBOOKS = fileURLToPath(new URL('../fixtures/runbooks/fuzz', import.meta.url));
const CHECKLIST_ACTIONS: string[] = [ACTION_ID.checklistDone, ACTION_ID.checklistSkip, ACTION_ID.checklistUndo, ACTION_ID.checklistAssign];

const idLike = fc.constantFrom('1', '2', '3', '0', '-1', '01', '2147483647', '2147483648', '4294967296', '9007199254740993', '1e3', '1.0', ' 1', '0x1');

// ---------------------------------------------------------------------------------------------
// One app per describe, with an open incident (with a reminder) and a resolved one

interface World {
  t: TestApp;
  logs: LogCapture;
  events: string;
  open: { id: number; channel: string };
  closed: { id: number; channel: string };
  /** Error records that are not a bug for this family. */
  tolerate?: (r: LogRecord) => boolean;
}

const RESOLUTION = {
  summary: 'Fixed', rootCause: 'Index missing', rootCauseConfirmed: false, contributingFactors: [],
  recoverySignal: null, recoveredAt: null, customerImpact: null, businessImpact: null,
};

async function startWorld(options: { runbooks?: string } = {}): Promise<World> {
  const logs = captureLogs('warn');
  const runbooks: Record<string, string> = options.runbooks ? { RUNBOOKS_DIR: options.runbooks } : {};
  const t = await startTestApp({ logger: logs.logger, env: { REMINDERS_IN: 'incident', HOOKS_TOKEN: 'fuzz-hooks', ...runbooks } });
  await declare(t.ws, ALICE, 'sev1 Fuzz open', { title: 'Fuzz open', severity: 'sev1' });
  await t.deliver();
  await declare(t.ws, ALICE, 'sev2 Fuzz closed', { title: 'Fuzz closed', severity: 'sev2' });
  await t.deliver();
  const [a, b] = await t.app.incidents.listOpen();
  await t.app.incidents.resolve(b!.id, BOB, RESOLUTION);
  // Notes enough for a second page of `/incident timeline`, for its buttons and entry menus
  // (their notices reach the channel at Slack's pace, one a second: about 20 s of this setup).
  for (let i = 1; i <= 21; i += 1) await t.app.incidents.addNote(a!.id, ALICE, `Fuzz note ${i}`);
  // A status-update reminder in the open incident's channel, for its buttons.
  t.clock.advance({ minutes: 20 });
  await t.app.reminders.tick();
  await t.deliver();
  // An alert in #incidents (its Declare button) and everyone's App Home (its Declare button).
  await fetch(`${t.app.url}/hooks/incident`, {
    method: 'POST', headers: { authorization: 'Bearer fuzz-hooks', 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Disk 80% on db-2', dedupe_key: 'fuzz-disk', severity: 'info' }),
  });
  for (const user of USERS) await t.ws.openAppHome(user);
  // Each Home is published through the outbox once its event's listener has run, after the ack.
  await vi.waitFor(async () => {
    await t.deliver();
    expect(USERS.filter((user) => !t.ws.homeView(user))).toEqual([]);
  }, { timeout: 10_000, interval: 50 });
  await restoreChecklist(t, a!.id);
  await t.deliver();
  return {
    t, logs, events: `${t.app.url}/slack/events`,
    open: { id: a!.id, channel: a!.channelId! },
    closed: { id: b!.id, channel: b!.channelId! },
  };
}

/** With runbooks, the open incident's first step done (its Undo shown) and the others open (Done, Skip… and Assign shown). */
async function restoreChecklist(t: TestApp, incidentId: number): Promise<void> {
  for (const runbook of await t.app.checklists.list(incidentId)) {
    for (const [index, item] of runbook.items.entries()) {
      const open = item.state === 'open' || item.state === 'assigned';
      if (index === 0 && open) await t.app.checklists.changeItem(runbook.id, item.id, ALICE, { type: 'done' });
      if (index > 0 && !open) await t.app.checklists.changeItem(runbook.id, item.id, ALICE, { type: 'undo' });
    }
  }
}

/** The open incident open and the resolved one resolved again, whatever the last run did. */
async function restore(w: World): Promise<void> {
  const a = await w.t.app.incidents.find(w.open.id);
  if (a?.status === 'resolved') await w.t.app.incidents.reopen(w.open.id, ALICE);
  const b = await w.t.app.incidents.find(w.closed.id);
  if (b && b.status !== 'resolved') await w.t.app.incidents.resolve(w.closed.id, BOB, RESOLUTION);
  await restoreChecklist(w.t, w.open.id);
  for (const user of USERS) while (w.t.ws.openViews(user).length > 0) await w.t.ws.closeView(user);
  await w.t.deliver();
}

const summary = (r: LogRecord) => ({ msg: r.msg, err: (r['err'] as { message?: string } | undefined)?.message, ...('view' in r ? { view: r['view'] } : {}) });

/**
 * What a bug looks like in the log: any record at error level. Among them 'unhandled error in a
 * Slack listener' (a listener threw), 'command failed' / 'modal submission failed' (a use case
 * threw something other than a DomainError), 'request failed' (the HTTP server caught a throw),
 * Bolt's 'An unhandled error occurred…', 'outbox message dropped' (the bot built a message Slack
 * refuses). Warnings are kept for the report but are not failures.
 */
async function settle(w: World, from: number, input: () => string = () => ''): Promise<void> {
  await sleep(15);
  await w.t.deliver();
  const bad = w.logs.atLeast(50, from).filter((r) => !w.tolerate?.(r));
  if (bad.length === 0) return;
  const what = `error logged: ${JSON.stringify(bad.map(summary)).slice(0, 1500)}; input: ${input().slice(0, 1500)}`;
  // FUZZ_COLLECT=1 lists every distinct failure instead of stopping at the first (for bug hunting).
  if (process.env.FUZZ_COLLECT === '1') {
    const key = JSON.stringify(bad.map((r) => [r.msg, summary(r).err]));
    if (!collected.has(key)) collected.set(key, what);
  } else throw new Error(what);
}

const collected = new Map<string, string>();
afterAll(() => {
  if (collected.size) process.stdout.write(`\nFUZZ_COLLECT: ${collected.size} distinct failures\n${[...collected.values()].join('\n\n')}\n`);
});

async function stillServing(w: World): Promise<void> {
  const before = w.t.ws.ephemerals(ALICE).length;
  const ack = await w.t.ws.slashCommand({ userId: ALICE, channelId: channelId(w.t.ws, 'general'), text: 'help' });
  expect(ack.status).toBe(200);
  expect(w.t.ws.ephemerals(ALICE).slice(before).map((e) => JSON.stringify(e)).join('\n')).toContain('/incident declare');
}

function warningsSeen(w: World): string[] {
  const counts = new Map<string, number>();
  for (const r of w.logs.records.filter((x) => x.level === 40)) counts.set(String(r.msg), (counts.get(String(r.msg)) ?? 0) + 1);
  return [...counts].map(([msg, n]) => `${n}× ${msg}`);
}

function params<T>(name: string): fc.Parameters<T> {
  return {
    seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK !== '1',
    reporter: (details) => {
      if (details.failed) {
        throw new Error(`${name}: property failed (FUZZ_SEED=${details.seed}, path ${details.counterexamplePath}); ${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`);
      }
    },
  };
}

async function finish(w: World, name: string): Promise<void> {
  await sleep(200);
  await settle(w, 0);
  await stillServing(w);
  const warnings = warningsSeen(w);
  if (warnings.length) process.stdout.write(`[${name}] warnings logged: ${warnings.join('; ')}\n`);
}

// ---------------------------------------------------------------------------------------------

describe('every /incident subcommand, hostile text', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 90_000);
  afterAll(async () => w?.t.stop());

  const WORDS = SUBCOMMANDS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
  const ARGS = ['sev1', 'sev2', 'sev3', 'commander', 'comms', 'scribe', 'investigating', 'identified', 'monitoring', '<@U_BOB>', '<@U_CAROL|carol>', 'en', 'ko'];
  const text = fc
    .tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((x) => x.toUpperCase()) }, { weight: 1, arbitrary: hostileText }),
      fc.array(fc.oneof(hostileText, fc.constantFrom(...ARGS)), { maxLength: 3 }),
      fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0'),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([word, args, sep, lead]) => lead + [word, ...args].join(sep));

  it('answers below 500 and logs no error', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('general', 'open', 'closed'), fc.constantFrom(...USERS), async (line, where, userId) => {
        await restore(w);
        const from = w.logs.records.length;
        const channel = where === 'general' ? channelId(w.t.ws, 'general') : w[where].channel;
        const ack = await w.t.ws.slashCommand({ userId, channelId: channel, text: line });
        expect(ack.status).toBeLessThan(500);
        await settle(w, from, () => `${userId} in ${where}: /incident ${JSON.stringify(line.slice(0, 300))} (${line.length} chars)`);
      }),
      params('commands'),
    );
    await finish(w, 'commands');
  }, 120_000);
});

const TIMELINE_ACTIONS: string[] = [ACTION_ID.timelinePage, ACTION_ID.timelineAdd, ACTION_ID.timelineEntryMenu];
/**
 * Buttons the sweep does not reach: [Done] shows only beside action items (the fuzz world has none),
 * in the follow-up list and the owner's direct message; [Add another action item] is in the resolve
 * modal; [Correct the time] and [Record it now] are on one reply each, to a note read as UTC when
 * Slack failed users.info, or refused for a future time, and are gone once used. Forged values
 * for them are tried in test/e2e/followups.test.ts, test/e2e/drafts.test.ts and
 * test/e2e/zones-and-typed-text.test.ts.
 */
const NOT_SWEPT: ReadonlySet<string> = new Set([ACTION_ID.followupDone, ACTION_ID.addActionItemRow, ACTION_ID.noteCorrectTime, ACTION_ID.noteRecordNow]);
const SWEPT_BUTTONS = Object.values(ACTION_ID).filter((id) => !NOT_SWEPT.has(id));

describe('every button, values that are not incident ids', () => {
  let w: World;

  /** An Edit option of the first entry menu on the message. */
  function menuOption(target: { ts: string }): string {
    const shown = w.t.ws.ephemerals(ALICE).find((e) => e.ts === target.ts);
    const value = /"value":"(edit:[^"]+)"/.exec(JSON.stringify(shown?.blocks))?.[1];
    if (!value) throw new Error('no entry menu on the timeline');
    return value;
  }
  beforeAll(async () => {
    w = await startWorld({ runbooks: FUZZ_RUNBOOKS });
  }, 90_000);
  afterAll(async () => w?.t.stop());

  /** The newest real message in the incident channels and #incidents that carries this button. */
  function messageWith(actionId: string): { channel: string; ts: string } | undefined {
    if (actionId === ACTION_ID.homeDeclare) return { channel: 'home', ts: '' };
    const shown = w.t.ws.ephemerals(ALICE).filter((e) => !e.deleted && JSON.stringify(e.blocks ?? []).includes(`"action_id":"${actionId}"`)).at(-1);
    if (shown) return { channel: shown.channelId, ts: shown.ts };
    for (const channel of [w.open.channel, w.closed.channel, channelId(w.t.ws, 'incidents')]) {
      const found = w.t.ws.messages(channel).filter((m) => JSON.stringify(m.blocks).includes(`"action_id":"${actionId}"`)).at(-1);
      if (found) return { channel, ts: found.ts };
    }
    return undefined;
  }

  it('answers below 500 and logs no error', async () => {
    const value = fc.option(fc.oneof(hostileText, idLike), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SWEPT_BUTTONS), value, fc.constantFrom(...USERS), async (actionId, v, userId) => {
        await restore(w);
        // The timeline's buttons are on the commander's ephemeral `/incident timeline 1`, where every entry has its menu.
        const onTimeline = TIMELINE_ACTIONS.includes(actionId);
        if (onTimeline) await w.t.ws.slashCommand({ userId: ALICE, channelId: w.open.channel, text: 'timeline 1' });
        let target = messageWith(actionId);
        // A click of the last run may still be applying (it acks first): restore again until the button is back.
        for (let i = 0; !target && i < 50; i += 1) {
          await sleep(20);
          await restore(w);
          target = messageWith(actionId);
        }
        if (!target) throw new Error(`no message carries ${actionId}: ${JSON.stringify(w.t.ws.messages(w.closed.channel).map((m) => m.text))}`);
        const from = w.logs.records.length;
        // An overflow sends one of its own options (the workspace refuses others, as Slack would never send them).
        const click = actionId === ACTION_ID.timelineEntryMenu
          ? { userId: ALICE, selectedOption: menuOption(target) }
          // Assign is a users_select: Slack always sends a pick, so a missing value is the clicker choosing someone.
          : { userId: onTimeline ? ALICE : userId, value: v ?? (actionId === ACTION_ID.checklistAssign ? userId : undefined) };
        const ack = target.channel === 'home'
          ? await w.t.ws.clickHomeAction({ userId, actionId })
          : await w.t.ws.clickAction({ ...click, channelId: target.channel, messageTs: target.ts, actionId });
        expect(ack.status).toBeLessThan(500);
        await settle(w, from, () => `${userId} clicks ${actionId} value ${JSON.stringify(v?.slice(0, 100))}`);
      }),
      params('buttons'),
    );
    await finish(w, 'buttons');
  }, 120_000);
});

describe('every modal, hostile values', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  }, 90_000);
  afterAll(async () => w?.t.stop());

  type Kind = keyof typeof CALLBACK_ID;

  async function openForm(kind: Kind, userId: string, incident: 'open' | 'closed'): Promise<ViewSnapshot> {
    const channel = kind === 'declare' ? channelId(w.t.ws, 'general') : w[incident].channel;
    const ack = await w.t.ws.slashCommand({ userId, channelId: channel, text: kind === 'timelineEntry' ? 'timeline add' : kind });
    expect(ack.status).toBe(200);
    return openedView(w.t.ws, userId, CALLBACK_ID[kind]);
  }

  const dateish = fc.oneof(fc.constantFrom('2026-12-01', '2026-11-24', '2020-01-01', '2026-13-45', '0000-00-00', '9999-12-31', '2026-02-30', '+275760-09-13', '2026-1-1', 'x'), hostileText);
  const unixish = fc.oneof(fc.integer().map(String), fc.constantFrom('1e20', '-1', 'NaN', '99999999999', '1764039600', '4102444800', '-8640000000001'));

  /** Values for every input of the view, by element type, within what Slack itself lets a person submit. */
  function valuesFor(view: ViewSnapshot, g: fc.GeneratorValue): SubmittedValues {
    const values: SubmittedValues = {};
    for (const raw of view.blocks) {
      const block = raw as { type?: string; block_id?: string; optional?: boolean; element?: Record<string, unknown> };
      const el = block.element;
      if (block.type !== 'input' || !el || !block.block_id) continue;
      const optional = block.optional === true;
      if (optional && g(fc.boolean)) continue;
      const options = [...((el['options'] as { value: string }[] | undefined) ?? [])].map((o) => o.value);
      let v: SubmittedValue;
      switch (el['type']) {
        case 'plain_text_input':
          v = g(() => (optional ? hostileText : hostileText.filter((s) => s !== '')));
          break;
        case 'static_select':
        case 'radio_buttons':
          v = g(fc.constantFrom, ...options);
          break;
        case 'checkboxes':
          v = g(fc.subarray, options);
          break;
        case 'users_select':
          v = g(fc.constantFrom, ...USERS);
          break;
        case 'datepicker':
          v = g(() => dateish);
          break;
        case 'datetimepicker':
          v = g(() => unixish);
          break;
        default:
          continue;
      }
      values[block.block_id] = { [String(el['action_id'])]: v };
    }
    return values;
  }

  it('answers below 500 and logs no error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Kind>('declare', 'update', 'resolve', 'followup', 'timelineEntry'),
        fc.constantFrom<'open' | 'closed'>('open', 'open', 'closed'),
        fc.constantFrom(...USERS),
        fc.gen(),
        async (kind, incident, userId, g) => {
          await restore(w);
          // Only follow-ups take a resolved incident; the others refuse it before any form opens.
          const target = kind === 'followup' ? incident : 'open';
          const view = await openForm(kind, userId, target);
          const values = valuesFor(view, g);
          const from = w.logs.records.length;
          const ack = await w.t.ws.submitView({ userId, viewId: view.id, values });
          expect(ack.status).toBeLessThan(500);
          const shown = JSON.stringify(values, (_k, x: unknown) => (typeof x === 'string' && x.length > 80 ? `${x.slice(0, 20)}…(${x.length})` : x));
          await settle(w, from, () => `${userId} submits ${kind} on ${target}: ${shown}`);
        },
      ),
      params('modals'),
    );
    await finish(w, 'modals');
  }, 180_000);
});

describe('raw signed payloads the workspace would not build', () => {
  let w: World;
  const bases: { kind: string; body: string }[] = [];
  beforeAll(async () => {
    w = await startWorld({ runbooks: FUZZ_RUNBOOKS });
    const proxy = await recordingProxy(w.events);
    w.t.ws.setBotRequestUrl(proxy.url);
    try {
      const general = channelId(w.t.ws, 'general');
      // Buttons first: a posted update takes the reminder's buttons away.
      await w.t.ws.clickHomeAction({ userId: BOB, actionId: ACTION_ID.homeDeclare });
      for (const actionId of SWEPT_BUTTONS.filter((id) => !CHECKLIST_ACTIONS.includes(id))) {
        for (const channel of [w.open.channel, w.closed.channel, channelId(w.t.ws, 'incidents')]) {
          const m = w.t.ws.messages(channel).filter((x) => JSON.stringify(x.blocks).includes(`"action_id":"${actionId}"`)).at(-1);
          if (m) {
            await w.t.ws.clickAction({ userId: BOB, channelId: channel, messageTs: m.ts, actionId });
            break;
          }
        }
      }
      // The checklist: Undo on the first step (done), Done, Assign and Skip… (its modal, with a reason) on the others.
      const [runbook] = await w.t.app.checklists.list(w.open.id);
      const checklist = w.t.ws.messages(w.open.channel).find((m) => JSON.stringify(m.blocks).includes(`"action_id":"${ACTION_ID.checklistDone}"`))!;
      const step = (itemId: string) => ({ channelId: w.open.channel, messageTs: checklist.ts, blockId: checklistBlockId(runbook!.id, itemId) });
      await w.t.ws.clickAction({ userId: BOB, ...step('first'), actionId: ACTION_ID.checklistUndo });
      await w.t.ws.clickAction({ userId: BOB, ...step('second'), actionId: ACTION_ID.checklistDone });
      await w.t.ws.clickAction({ userId: BOB, ...step('third'), actionId: ACTION_ID.checklistAssign, value: CAROL });
      while (w.t.ws.openViews(BOB).length > 0) await w.t.ws.closeView(BOB);
      await w.t.ws.clickAction({ userId: BOB, ...step('third'), actionId: ACTION_ID.checklistSkip });
      const skip = await openedView(w.t.ws, BOB, CALLBACK_ID.checklistSkip);
      await w.t.ws.submitView({ userId: BOB, viewId: skip.id, values: { [CHECKLIST_SKIP_INPUT.reason.block]: { [CHECKLIST_SKIP_INPUT.reason.action]: 'No rollout running' } } });
      // The timeline's buttons and entry menu, on the commander's ephemeral timeline.
      await w.t.ws.slashCommand({ userId: ALICE, channelId: w.open.channel, text: 'timeline 1' });
      const timeline = w.t.ws.ephemerals(ALICE).at(-1)!;
      const edit = /"value":"(edit:[^"]+)"/.exec(JSON.stringify(timeline.blocks))![1]!;
      await w.t.ws.clickAction({ userId: ALICE, channelId: w.open.channel, messageTs: timeline.ts, actionId: ACTION_ID.timelineEntryMenu, selectedOption: edit });
      await w.t.ws.clickAction({ userId: ALICE, channelId: w.open.channel, messageTs: timeline.ts, actionId: ACTION_ID.timelineAdd });
      await w.t.ws.clickAction({ userId: ALICE, channelId: w.open.channel, messageTs: timeline.ts, actionId: ACTION_ID.timelinePage });
      await sleep(100);
      await restore(w);
      await w.t.ws.slashCommand({ userId: ALICE, channelId: w.open.channel, text: 'timeline add' });
      const entry = await openedView(w.t.ws, ALICE, CALLBACK_ID.timelineEntry);
      await w.t.ws.submitView({
        userId: ALICE, viewId: entry.id,
        values: {
          [TIMELINE_INPUT.at.block]: { [TIMELINE_INPUT.at.action]: String(Math.floor(w.t.clock.now().toSeconds()) - 60) },
          [TIMELINE_INPUT.text.block]: { [TIMELINE_INPUT.text.action]: 'Alert acknowledged' },
          [TIMELINE_INPUT.milestone.block]: { [TIMELINE_INPUT.milestone.action]: 'acknowledged' },
        },
      });
      await w.t.ws.slashCommand({ userId: ALICE, channelId: w.open.channel, text: 'note base' });
      await w.t.ws.slashCommand({ userId: ALICE, channelId: general, text: 'list' });
      // The message shortcut from a channel that is no incident's, and its "which incident" modal.
      const said = await w.t.ws.postAsUser({ userId: BOB, channelId: general, text: 'raw message' });
      await w.t.ws.messageShortcut({ userId: ALICE, channelId: general, messageTs: said.ts, callbackId: MESSAGE_SHORTCUTS.addToTimeline });
      const pick = await openedView(w.t.ws, ALICE, CALLBACK_ID.timelineMessage);
      await w.t.ws.blockSuggestion({ userId: ALICE, viewId: pick.id, actionId: TIMELINE_MESSAGE_INPUT.incident.action, value: `INC-${w.open.id}` });
      const chosen = { [TIMELINE_MESSAGE_INPUT.incident.block]: { [TIMELINE_MESSAGE_INPUT.incident.action]: String(w.open.id) } };
      await w.t.ws.submitView({ userId: ALICE, viewId: pick.id, values: chosen });
      for (const [kind, values] of [
        ['update', updateValues('sev1', 'identified')],
        ['followup', { [actionItemInput(0, 'title').block]: { [actionItemInput(0, 'title').action]: 'Add an index' } }],
        ['resolve', resolveValues()],
      ] as const) {
        await w.t.ws.slashCommand({ userId: ALICE, channelId: w.open.channel, text: kind });
        const view = await openedView(w.t.ws, ALICE, CALLBACK_ID[kind]);
        await w.t.ws.submitView({ userId: ALICE, viewId: view.id, values });
      }
      await w.t.ws.slashCommand({ userId: ALICE, channelId: general, text: 'declare sev2 Raw' });
      const form = await openedView(w.t.ws, ALICE, CALLBACK_ID.declare);
      await w.t.ws.submitView({ userId: ALICE, viewId: form.id, values: declareValues({ title: 'Raw', severity: 'sev2' }) });
      await w.t.deliver();
      await restore(w);
      await sleep(200);
    } finally {
      w.t.ws.setBotRequestUrl(w.events);
      await proxy.close();
    }
    bases.push(...proxy.recorded.map((r: RecordedRequest) => ({ kind: kindOf(r.body), body: r.body })));
    // A recorded click is sent again with its trigger_id, which Slack honours once: views.open then
    // fails with exchanged_trigger_id (or invalid_trigger_id when mutated). The bot reports it as it
    // would a trigger that expired during a slow request; that is Slack refusing, not a bug here.
    w.tolerate = (r) => r.msg === 'command failed' && /trigger_id/.test(String((r['err'] as { message?: string } | undefined)?.message));
    await restore(w);
  }, 180_000); // the world alone takes about 20 s at Slack's pace, then a tour of every command and form
  afterAll(async () => w?.t.stop());

  function kindOf(body: string): string {
    const params = new URLSearchParams(body);
    const payload = params.get('payload');
    if (!payload) return `command ${params.get('text')?.split(' ')[0]}`;
    const p = JSON.parse(payload) as { type: string; view?: { callback_id: string }; actions?: { action_id: string }[] };
    // A click in a view (a modal's, the Home tab's) names its action, not the view.
    return `${p.type} ${p.type === 'block_actions' ? p.actions?.[0]?.action_id : (p.view?.callback_id ?? p.actions?.[0]?.action_id)}`;
  }

  it('recorded a real payload for every command, button and modal it mutates', () => {
    const kinds = new Set(bases.map((b) => b.kind));
    for (const id of SWEPT_BUTTONS) expect(kinds).toContain(`block_actions ${id}`);
    for (const id of Object.values(CALLBACK_ID)) expect(kinds).toContain(`view_submission ${id}`);
    expect(kinds).toContain('command note');
    expect(kinds).toContain('message_action undefined');
    expect(kinds).toContain(`block_suggestion ${CALLBACK_ID.timelineMessage}`);
  });

  function send(body: string, contentType = 'application/x-www-form-urlencoded') {
    const ts = Math.floor(Date.now() / 1000);
    return fetch(w.events, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signRequest(SECRET, ts, body) },
      body,
    });
  }

  /** Own keys even for `__proto__`, so JSON.stringify writes them out. */
  const own = (o: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

  const STATE_SHAPES: unknown[] = [
      JSON.parse('{"__proto__":{"value":"polluted","incidentId":1}}') as unknown,
      JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
      { type: 'plain_text_input', value: 12 }, { type: 'plain_text_input', value: ['a'] }, { type: 'plain_text_input', value: { a: 1 } },
      { type: 'static_select', selected_option: 'sev1' }, { type: 'static_select', selected_option: { value: '__proto__' } },
      { type: 'static_select', selected_option: { value: 'constructor' } }, { type: 'static_select', selected_option: { value: 'toString' } },
      { type: 'static_select', selected_option: { value: 12 } }, { type: 'static_select', selected_option: { value: 'sev9' } },
      { type: 'radio_buttons', selected_option: { value: 'hasOwnProperty' } }, { type: 'checkboxes', selected_options: 'drill' },
      { type: 'checkboxes', selected_options: [null] }, { type: 'checkboxes', selected_options: [{ value: 'drill' }, { value: 'drill' }] },
      { type: 'datetimepicker', selected_date_time: 'abc' }, { type: 'datetimepicker', selected_date_time: 1e20 },
      { type: 'datetimepicker', selected_date_time: -1e15 }, { type: 'datetimepicker', selected_date_time: 1.5 },
      { type: 'datepicker', selected_date: 20261201 }, { type: 'datepicker', selected_date: '2026-12-01T00:00:00Z' },
      { type: 'users_select', selected_user: 42 }, { type: 'users_select', selected_user: 'U_NOBODY' }, { type: 'users_select', selected_user: '' },
  ];
  const weird: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 32, 2 ** 53 + 2, 1e308, -0, [], {}, [null], '', ' '),
    hostileText,
    fc.constantFrom(...STATE_SHAPES),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const METADATA = [
    '{"incidentId":1}', '{"incidentId":2}', '{"incidentId":99}', '{"incidentId":2147483648}', '{"incidentId":9007199254740993}', '{"incidentId":1e400}',
    '{"incidentId":"1"}', '{"incidentId":1.5}', '{"incidentId":-1}', '{"incidentId":1,"severity":"__proto__"}', '{"incidentId":1,"severity":"constructor"}',
    '{"incidentId":1,"severity":"sev9"}', '{"incidentId":1,"severity":"sev3"}', '{"incidentId":2,"severity":"sev2"}', '{"__proto__":{"incidentId":1}}',
    '[1]', 'null', '1', '"x"', '{', '',
  ];

  type Json = Record<string, unknown>;
  /** Paths a mutation may touch; not the keys Bolt routes by, which would only time out unrouted. */
  function pathsOf(node: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    if (node === null || typeof node !== 'object') return out;
    for (const [k, v] of Object.entries(node as Json)) {
      const key: string | number = Array.isArray(node) ? Number(k) : k;
      const path = [...prefix, key];
      const joined = path.join('.');
      const routing = ['type', 'view', 'view.callback_id', 'view.type', 'actions', 'actions.0', 'actions.0.action_id', 'actions.0.type'].includes(joined);
      if (!routing) out.push(path);
      pathsOf(v, path, out);
    }
    return out;
  }

  type Mutation =
    | { op: 'set'; pick: number; value: unknown }
    | { op: 'delete'; pick: number }
    | { op: 'extra'; pick: number; key: string; value: unknown }
    | { op: 'metadata'; value: string }
    | { op: 'state'; pick: number; value: unknown };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: weird }),
    fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('extra' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra'), hostileText), value: weird }),
    fc.record({ op: fc.constant('metadata' as const), value: fc.oneof(fc.constantFrom(...METADATA), hostileText) }),
    fc.record({ op: fc.constant('state' as const), pick: fc.nat(), value: fc.oneof(fc.constantFrom(...STATE_SHAPES), weird) }),
    fc.record({ op: fc.constant('state' as const), pick: fc.nat(), value: fc.constantFrom(...STATE_SHAPES) }),
  );

  function parentOf(root: Json, path: (string | number)[]): Json {
    let node: unknown = root;
    for (const key of path.slice(0, -1)) node = (node as Json)[key];
    return node as Json;
  }

  const show = (v: unknown) => (typeof v === 'string' && v.length > 60 ? `${JSON.stringify(v.slice(0, 20))}…(${v.length})` : JSON.stringify(v));

  /** Applies the mutation; returns what it did, for the failure message. */
  function apply(root: Json, m: Mutation): string {
    const paths = pathsOf(root);
    if (m.op === 'metadata') {
      if (root['view']) (root['view'] as Json)['private_metadata'] = m.value;
      return `view.private_metadata = ${show(m.value)}`;
    }
    if (m.op === 'state') {
      const values = ((root['view'] as Json | undefined)?.['state'] as Json | undefined)?.['values'];
      if (!values || typeof values !== 'object') return 'nothing';
      const entries = Object.entries(values as Record<string, Json>).flatMap(([b, actions]) =>
        actions && typeof actions === 'object' ? Object.keys(actions).map((a) => [b, a] as const) : []);
      const chosen = entries[m.pick % Math.max(entries.length, 1)];
      if (!chosen) return 'nothing';
      own((values as Record<string, Json>)[chosen[0]]!, chosen[1], m.value);
      return `view.state.values.${chosen[0]}.${chosen[1]} = ${show(m.value)}`;
    }
    if (paths.length === 0) return 'nothing';
    const path = paths[m.pick % paths.length]!;
    const parent = parentOf(root, path);
    const key = path.at(-1)!;
    if (parent === null || typeof parent !== 'object') return 'nothing';
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      return `delete ${path.join('.')}`;
    }
    if (m.op === 'set') {
      own(parent, String(key), m.value);
      return `${path.join('.')} = ${show(m.value)}`;
    }
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      own(target as Json, m.key, m.value);
      return `${path.join('.')}[${show(m.key)}] = ${show(m.value)}`;
    }
    own(parent, m.key, m.value);
    return `${path.slice(0, -1).join('.')}[${show(m.key)}] = ${show(m.value)}`;
  }

  let fresh = 0;
  it('answers below 500 and logs no error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (which, mutations) => {
        await restore(w);
        const base = bases[which % bases.length]!;
        const form = new URLSearchParams(base.body);
        const payload = form.get('payload');
        let body: string;
        const did: string[] = [];
        fresh += 1;
        if (payload) {
          const root = JSON.parse(payload) as Json;
          // Fresh idempotency keys, or every replay would be answered "applied already" before parsing.
          if (root['view']) (root['view'] as Json)['hash'] = `fuzz-${fresh}`;
          const action = (root['actions'] as Json[] | undefined)?.[0];
          if (action) action['action_ts'] = `${fresh}.000001`;
          root['trigger_id'] = `fuzz-trigger-${fresh}`;
          for (const m of mutations) did.push(apply(root, m));
          body = `payload=${encodeURIComponent(JSON.stringify(root))}`;
        } else {
          // A slash command: the form fields are the shape.
          const fields = Object.fromEntries(form) as Json;
          fields['trigger_id'] = `fuzz-trigger-${fresh}`;
          for (const m of mutations) if (m.op !== 'metadata' && m.op !== 'state') did.push(apply(fields, m));
          fields['command'] = '/incident';
          body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString();
        }
        const from = w.logs.records.length;
        const res = await send(body);
        const input = () => `${base.kind}: ${did.join('; ')}`;
        expect(res.status, `${input()} answered ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
        await settle(w, from, input);
      }),
      params('raw payloads'),
    );
    await finish(w, 'raw payloads');
  }, 240_000);
});
