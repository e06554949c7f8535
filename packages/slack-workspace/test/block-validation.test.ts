import { describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../src/index.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string) => ({ text: plain(value), value });

describe('validateBlocks', () => {
  it('accepts the blocks the bot builds', () => {
    const blocks = [
      { type: 'header', text: plain('SEV-1: Checkout errors') },
      { type: 'section', text: { type: 'mrkdwn', text: '*Status*' }, fields: [{ type: 'mrkdwn', text: 'a' }], accessory: { type: 'overflow', action_id: 'o', options: [option('a'), option('b')] } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'by <@U_ALICE>' }, { type: 'image', image_url: 'https://x/y.png', alt_text: 'y' }] },
      { type: 'divider' },
      { type: 'actions', elements: [
        { type: 'button', action_id: 'b', text: plain('Ack'), style: 'primary', value: '1' },
        { type: 'static_select', action_id: 's', options: [option('sev1')] },
        { type: 'users_select', action_id: 'u', placeholder: plain('Pick') },
      ] },
      { type: 'image', image_url: 'https://x/y.png', alt_text: 'graph' },
      { type: 'rich_text', elements: [] },
      { type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'a ``` b <!channel>' }] }] },
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [
        { type: 'emoji', name: 'link' }, { type: 'text', text: 'done by ', style: { bold: true } }, { type: 'user', user_id: 'U_ALICE' },
        { type: 'date', timestamp: 1732165200, format: '{time}', fallback: '2024-11-21 05:00 UTC' }, { type: 'link', url: 'https://x.test/a', text: 'Runbook link' },
      ] }] },
      { type: 'input', label: plain('Note'), element: { type: 'plain_text_input', action_id: 'n' } },
    ];
    expect(validateBlocks(blocks, 50)).toEqual([]);
  });

  it('names what is wrong with a pointer', () => {
    expect(validateBlocks([{ type: 'section' }], 50)).toEqual(['must provide text or fields [json-pointer:/blocks/0]']);
    expect(validateBlocks([{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], 50)).toEqual(['must be plain_text [json-pointer:/blocks/0/text/type]']);
    expect(validateBlocks([{ type: 'actions', elements: [{ type: 'button', action_id: 'a' }] }], 50)[0]).toContain('/blocks/0/elements/0/text');
    expect(validateBlocks([{ type: 'actions', elements: [{ type: 'button', text: plain('a'), style: 'loud' }] }], 50)[0]).toContain('style');
    expect(validateBlocks([{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }], 50)[0]).toContain('duplicate block_id');
    expect(validateBlocks([{ type: 'image', image_url: 'u' }], 50)[0]).toContain('alt_text');
    expect(validateBlocks([{ type: 'input', label: plain('x') }], 50)[0]).toContain('element');
    expect(validateBlocks([{ type: 'actions', elements: [{ type: 'overflow', action_id: 'o', options: Array.from({ length: 6 }, (_, i) => option(`${i}`)) }] }], 50)[0]).toContain('no more than 5');
    expect(validateBlocks([{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }], 50)[0]).toContain('no more than 10');
    expect(validateBlocks([{ type: 'rich_text', elements: [{ type: 'preformatted', elements: [] }] }], 50)[0]).toContain('/blocks/0/elements/0/type');
    expect(validateBlocks([{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: '' }] }] }], 50)[0]).toContain('/blocks/0/elements/0/elements/0/text');
    expect(validateBlocks([{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'mrkdwn', text: 'x' }] }] }], 50)[0]).toContain('rich text leaf');
    const leaf = (element: object) => validateBlocks([{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [element] }] }], 50);
    expect(leaf({ type: 'user' })).toEqual(['must be a non-empty string [json-pointer:/blocks/0/elements/0/elements/0/user_id]']);
    expect(leaf({ type: 'date', timestamp: '1732165200', format: '{time}' })).toEqual(['must be an integer [json-pointer:/blocks/0/elements/0/elements/0/timestamp]']);
    expect(leaf({ type: 'date', timestamp: 1732165200 })).toEqual(['must be a non-empty string [json-pointer:/blocks/0/elements/0/elements/0/format]']);
    expect(leaf({ type: 'link', text: 'x' })).toEqual(['must be a non-empty string [json-pointer:/blocks/0/elements/0/elements/0/url]']);
    expect(leaf({ type: 'emoji', name: '' })).toEqual(['must be a non-empty string [json-pointer:/blocks/0/elements/0/elements/0/name]']);
    expect(leaf({ type: 'text', text: 'x', style: 'bold' })).toEqual(['must be an object [json-pointer:/blocks/0/elements/0/elements/0/style]']);
  });
});

describe('validateView', () => {
  it('requires a submit label when inputs are present and limits labels to 24', () => {
    const input = { type: 'input', label: plain('x'), element: { type: 'plain_text_input', action_id: 'a' } };
    expect(validateView({ type: 'modal', title: plain('Declare'), blocks: [input] })[0]).toContain('submit');
    expect(validateView({ type: 'modal', title: plain('Declare'), submit: plain('x'.repeat(25)), blocks: [input] })[0]).toContain('/view/submit');
    expect(validateView({ type: 'modal', title: plain('Declare'), submit: plain('Go'), close: plain('Cancel'), blocks: [input] })).toEqual([]);
  });
});
