import { expect, vi } from 'vitest';
import type { SubmittedValues, Workspace } from 'local-slack-workspace';
import { DECLARE_INPUT, RESOLVE_INPUT, UPDATE_INPUT, updateFieldInput } from '../../src/slack/ids.js';
import { SEVERITY_INFO, type Severity } from '../../src/domain/severity.js';

export const ALICE = 'U_ALICE';
export const BOB = 'U_BOB';
export const CAROL = 'U_CAROL';

export function channelId(ws: Workspace, name: string): string {
  const channel = ws.channel(name);
  if (!channel) throw new Error(`no channel ${name}; have ${ws.channels().map((c) => c.name).join(', ')}`);
  return channel.id;
}

export function topView(ws: Workspace, userId: string) {
  const views = ws.openViews(userId);
  const top = views[views.length - 1];
  if (!top) throw new Error(`${userId} has no open view`);
  return top;
}

/** Modals open after the command's ack, as in Slack: wait for the one with this callback id. */
export function openedView(ws: Workspace, userId: string, callbackId: string) {
  return vi.waitFor(
    () => {
      const top = topView(ws, userId);
      if (top.callbackId !== callbackId) throw new Error(`top view is ${top.callbackId}`);
      return top;
    },
    { timeout: 5000, interval: 10 },
  );
}

export function lastEphemeral(ws: Workspace, userId: string): string {
  const all = ws.ephemerals(userId);
  return all[all.length - 1]?.text ?? '';
}

/** Types a slash command and returns what the person sees ephemerally afterwards (if anything new). */
export async function command(ws: Workspace, userId: string, channel: string, text: string): Promise<string | undefined> {
  const before = ws.ephemerals(userId).length;
  const ack = await ws.slashCommand({ userId, channelId: channelId(ws, channel), text });
  expect(ack.status).toBe(200);
  const after = ws.ephemerals(userId);
  return after.length > before ? visibleText(after[after.length - 1]!) : undefined;
}

export interface DeclareValues {
  title?: string;
  severity?: Severity;
  scenario?: string;
  impact?: string;
  commander?: string;
}

export function declareValues(v: DeclareValues): SubmittedValues {
  const values: SubmittedValues = {};
  const put = (id: { block: string; action: string }, value: string | undefined) => {
    if (value !== undefined) values[id.block] = { [id.action]: value };
  };
  put(DECLARE_INPUT.title, v.title);
  put(DECLARE_INPUT.severity, v.severity);
  put(DECLARE_INPUT.scenario, v.scenario ?? 'database');
  put(DECLARE_INPUT.impact, v.impact ?? 'Checkout returns 500 for every customer');
  put(DECLARE_INPUT.commander, v.commander ?? ALICE);
  return values;
}

/** `/incident declare …` then submits the modal; returns the submission's ack body. */
export async function declare(ws: Workspace, userId: string, text: string, v: DeclareValues = {}) {
  await command(ws, userId, 'general', `declare ${text}`);
  const view = await openedView(ws, userId, 'incident_declare');
  const ack = await ws.submitView({ userId, viewId: view.id, values: declareValues({ title: 'Checkout failing', severity: 'sev1', ...v }) });
  return ack;
}

export function updateValues(severity: Severity, status: string, text = 'x'): SubmittedValues {
  const values: SubmittedValues = {};
  for (const field of SEVERITY_INFO[severity].reportFields) {
    const id = updateFieldInput(field.id);
    values[id.block] = { [id.action]: `${field.label}: ${text}` };
  }
  values[UPDATE_INPUT.summary.block] = { [UPDATE_INPUT.summary.action]: `Summary: ${text}` };
  values[UPDATE_INPUT.status.block] = { [UPDATE_INPUT.status.action]: status };
  return values;
}

export function resolveValues(overrides: Partial<Record<keyof typeof RESOLVE_INPUT, string>> = {}): SubmittedValues {
  const v = { summary: 'Rolled back the bad deploy', rootCause: 'Connection leak in the new endpoint', rootCauseCertainty: 'confirmed', ...overrides };
  const values: SubmittedValues = {};
  for (const [key, value] of Object.entries(v)) {
    const id = RESOLVE_INPUT[key as keyof typeof RESOLVE_INPUT];
    values[id.block] = { [id.action]: value };
  }
  return values;
}

/**
 * What a person reads: the blocks' text when there are blocks (Slack then shows no `text`). A
 * rich_text block reads as one text, its mentions, dates and links written as mrkdwn would
 * (`<@U1>`, `<#C1>`, `<!date^…>`, `<url|text>`) and its emoji as `:name:`; its text is literal.
 */
export function visibleText(message: { text: string; blocks?: unknown[] }): string {
  if (!message.blocks?.length) return decodeEntities(message.text);
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o['type'] === 'rich_text') return void parts.push(richTextOf(o));
      if (typeof o['text'] === 'string') parts.push(decodeEntities(o['text']));
      for (const [key, value] of Object.entries(o)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(message.blocks);
  return parts.join('\n');
}

function richTextOf(node: Record<string, unknown>): string {
  const s = (key: string) => {
    const value = node[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  switch (node['type']) {
    case 'text': return s('text');
    case 'emoji': return `:${s('name')}:`;
    case 'user': return `<@${s('user_id')}>`;
    case 'channel': return `<#${s('channel_id')}>`;
    case 'date': return `<!date^${s('timestamp')}^${s('format')}|${s('fallback')}>`;
    case 'link': return `<${s('url')}|${s('text')}>`;
    default: {
      const children = Array.isArray(node['elements']) ? node['elements'] : [];
      const texts = children.map((child) => (child && typeof child === 'object' ? richTextOf(child as Record<string, unknown>) : ''));
      // The block's sections, lists and quotes are lines; a section's leaves run on.
      return texts.join(node['type'] === 'rich_text' || node['type'] === 'rich_text_list' ? '\n' : '');
    }
  }
}

/** Plain text of a message's blocks, for assertions on what a reader sees. */
export function textOf(message: { text: string; blocks: unknown[] }): string {
  return `${message.text}\n${JSON.stringify(message.blocks)}`;
}

/** Slack shows `&lt;` as `<`: compare with what the reader sees. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
