import { expect } from 'vitest';
import type { View } from '@slack/types';
import type { BlockMessage } from '../../../src/slack/blocks/message.js';

/** Every string under a `text` key, joined: what a reader sees (roughly). */
export function renderedText(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'text' && typeof child === 'string') out.push(child);
        else walk(child);
      }
    }
  };
  walk(value);
  return out.join('\n');
}

type Node = Record<string, unknown>;

function textOf(node: unknown): string {
  return node && typeof node === 'object' && typeof (node as Node).text === 'string' ? ((node as Node).text as string) : '';
}

/** Asserts Slack's per-object limits anywhere in a block tree. */
export function expectBlockLimits(blocks: unknown[]): void {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const n = v as Node;
    if (n.type === 'header') expect(textOf(n.text).length).toBeLessThanOrEqual(150);
    if (n.type === 'section') {
      expect(textOf(n.text).length).toBeLessThanOrEqual(3000);
      if (n.text) expect(textOf(n.text).length).toBeGreaterThan(0);
      const fields = (n.fields as unknown[] | undefined) ?? [];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) expect(textOf(f).length).toBeLessThanOrEqual(2000);
    }
    if (n.type === 'button') expect(textOf(n.text).length).toBeLessThanOrEqual(75);
    if (Array.isArray(n.options)) {
      expect(n.options.length).toBeLessThanOrEqual(100);
      for (const o of n.options as Node[]) {
        expect(textOf(o.text).length).toBeLessThanOrEqual(75);
        if (o.description) expect(textOf(o.description).length).toBeLessThanOrEqual(75);
      }
    }
    if (n.type === 'input') {
      expect(textOf(n.label).length).toBeLessThanOrEqual(2000);
      expect(textOf(n.label).length).toBeGreaterThan(0);
      expect(textOf(n.hint).length).toBeLessThanOrEqual(2000);
    }
    if (n.placeholder) expect(textOf(n.placeholder).length).toBeLessThanOrEqual(150);
    if (n.type === 'rich_text') expectRichText(n);
    Object.values(n).forEach(walk);
  };
  walk(blocks);
}

/** What Slack asks of a rich_text block's leaves: no empty text, a user id, a time and its format, an http(s) link. */
function expectRichText(block: Node): void {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const n = v as Node;
    if (n.type === 'text') expect(textOf(n).length).toBeGreaterThan(0);
    if (n.type === 'user') expect(n.user_id).toMatch(/^[A-Z0-9][A-Z0-9_]*$/i);
    if (n.type === 'date') {
      expect(Number.isInteger(n.timestamp)).toBe(true);
      expect(n.format).toBeTruthy();
    }
    if (n.type === 'link') expect(n.url).toMatch(/^https?:\/\//);
    if (Array.isArray(n.elements)) n.elements.forEach(walk);
  };
  walk(block.elements);
}

export function expectMessageLimits(msg: BlockMessage): void {
  expect(msg.blocks.length).toBeGreaterThan(0);
  expect(msg.blocks.length).toBeLessThanOrEqual(50);
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(3000);
  expectBlockLimits(msg.blocks);
}

export function expectModalLimits(view: View): void {
  expect(view.type).toBe('modal');
  if (view.type !== 'modal') return;
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(view.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
  expect(view.close?.text.length ?? 0).toBeLessThanOrEqual(24);
  expect(view.private_metadata?.length ?? 0).toBeLessThanOrEqual(3000);
  expect(view.callback_id).toBeTruthy();
  expectBlockLimits(view.blocks);
  const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Text that Slack parses as mrkdwn: `mrkdwn` objects, and a message's top-level `text`. */
export function mrkdwnTexts(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, top: boolean): void => {
    if (Array.isArray(v)) return v.forEach((c) => walk(c, false));
    if (!v || typeof v !== 'object') return;
    const n = v as Node;
    if (typeof n.text === 'string' && (n.type === 'mrkdwn' || top)) out.push(n.text);
    for (const [k, child] of Object.entries(n)) if (k !== 'text' || typeof child !== 'string') walk(child, false);
  };
  walk(value, true);
  return out;
}

/** No live mention, broadcast or link leaked from hostile user text into mrkdwn. */
export function expectNoSmuggling(value: unknown): void {
  const texts = mrkdwnTexts(value);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil');
    expect(text).not.toContain('&amp;amp;');
  }
}

/** User text with every character mrkdwn would read as formatting, and the pieces that give it away. */
export const MARKUP = 'Run `kubectl rollout undo` on *all* pods_v2 ~now~';
const MARKUP_PIECES = ['kubectl', 'pods_v2', '*all*', '~now~'];

/** Every rich-text `text` leaf in a block tree. */
export function richTextLeaves(blocks: unknown): Node[] {
  const out: Node[] = [];
  const walk = (v: unknown, inRich: boolean): void => {
    if (Array.isArray(v)) return v.forEach((c) => walk(c, inRich));
    if (!v || typeof v !== 'object') return;
    const n = v as Node;
    if (inRich && n.type === 'text') out.push(n);
    for (const child of Object.values(n)) walk(child, inRich || n.type === 'rich_text');
  };
  walk(blocks, false);
  return out;
}

/**
 * `shown` (user text holding MARKUP) is in the blocks as written: a rich-text text element (in
 * `style` when given), and none of MARKUP's pieces is in any mrkdwn text of the blocks.
 */
export function expectShownAsWritten(blocks: unknown[], shown: string, style?: Record<string, boolean>): void {
  expect(richTextLeaves(blocks)).toContainEqual(style ? { type: 'text', text: shown, style } : { type: 'text', text: shown });
  const mrkdwn = mrkdwnTexts(blocks).join('\n');
  for (const piece of MARKUP_PIECES) expect(mrkdwn).not.toContain(piece);
}
