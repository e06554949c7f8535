import {
  ACCESSORY_TYPES,
  ACTION_ELEMENT_TYPES,
  INPUT_ELEMENT_TYPES,
  checkElement,
  checkText,
  isObject,
  type Problems,
} from './element-validation.js';

const at = (path: string) => ` [json-pointer:${path}]`;
const CONTEXT_ELEMENTS = new Set(['image', 'plain_text', 'mrkdwn']);

/** Checks blocks the way Slack does; an empty list means valid. `max` is 50 for messages, 100 for views. */
export function validateBlocks(blocks: unknown, max: number): Problems {
  const problems: Problems = [];
  if (!Array.isArray(blocks)) return [`must be an array${at('/blocks')}`];
  if (blocks.length > max) problems.push(`no more than ${max} items allowed${at('/blocks')}`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const path = `/blocks/${i}`;
    if (!isObject(block)) return void problems.push(`must be a block object${at(path)}`);
    const blockId = block['block_id'];
    if (blockId !== undefined) {
      if (typeof blockId !== 'string' || blockId.length === 0 || blockId.length > 255) {
        problems.push(`must be a string of 1 to 255 characters${at(`${path}/block_id`)}`);
      } else if (blockIds.has(blockId)) {
        problems.push(`duplicate block_id: ${blockId}${at(`${path}/block_id`)}`);
      } else blockIds.add(blockId);
    }
    checkBlock(block, path, problems);
  });
  return problems;
}

function checkBlock(block: Record<string, unknown>, path: string, problems: Problems): void {
  /** action_id must be unique within its block. */
  const actionIds = new Set<string>();
  const noteActionId = (element: unknown, p: string) => {
    if (!isObject(element) || typeof element['action_id'] !== 'string') return;
    if (actionIds.has(element['action_id'])) problems.push(`duplicate action_id: ${element['action_id']}${at(p)}`);
    actionIds.add(element['action_id']);
  };
  switch (block['type']) {
    case 'divider':
      return;
    case 'header':
      return checkText(block['text'], `${path}/text`, problems, { max: 150, plainOnly: true });
    case 'section': {
      const hasText = block['text'] !== undefined;
      const fields = block['fields'];
      if (!hasText && fields === undefined) return void problems.push(`must provide text or fields${at(path)}`);
      if (hasText) checkText(block['text'], `${path}/text`, problems, { max: 3000 });
      if (fields !== undefined) {
        if (!Array.isArray(fields) || fields.length === 0) problems.push(`must provide at least 1 item${at(`${path}/fields`)}`);
        else {
          if (fields.length > 10) problems.push(`no more than 10 items allowed${at(`${path}/fields`)}`);
          fields.forEach((f, j) => checkText(f, `${path}/fields/${j}`, problems, { max: 2000 }));
        }
      }
      if (block['accessory'] !== undefined) {
        checkElement(block['accessory'], `${path}/accessory`, problems, ACCESSORY_TYPES);
        noteActionId(block['accessory'], `${path}/accessory`);
      }
      return;
    }
    case 'context': {
      const elements = block['elements'];
      if (!Array.isArray(elements) || elements.length === 0) return void problems.push(`missing required field: elements${at(path)}`);
      if (elements.length > 10) problems.push(`no more than 10 items allowed${at(`${path}/elements`)}`);
      elements.forEach((e, j) => {
        const p = `${path}/elements/${j}`;
        if (!isObject(e) || !CONTEXT_ELEMENTS.has(String(e['type']))) return void problems.push(`unsupported type${at(p)}`);
        if (e['type'] === 'image') checkElement(e, p, problems, new Set(['image']));
        else checkText(e, p, problems, { max: 3000 });
      });
      return;
    }
    case 'actions': {
      const elements = block['elements'];
      if (!Array.isArray(elements) || elements.length === 0) return void problems.push(`missing required field: elements${at(path)}`);
      if (elements.length > 25) problems.push(`no more than 25 items allowed${at(`${path}/elements`)}`);
      elements.forEach((e, j) => {
        checkElement(e, `${path}/elements/${j}`, problems, ACTION_ELEMENT_TYPES);
        noteActionId(e, `${path}/elements/${j}`);
      });
      return;
    }
    case 'image':
      if (block['image_url'] === undefined && block['slack_file'] === undefined) problems.push(`missing required field: image_url${at(path)}`);
      if (typeof block['alt_text'] !== 'string' || block['alt_text'].length === 0) problems.push(`missing required field: alt_text${at(path)}`);
      if (block['title'] !== undefined) checkText(block['title'], `${path}/title`, problems, { max: 2000, plainOnly: true });
      return;
    case 'input':
      checkText(block['label'], `${path}/label`, problems, { max: 2000, plainOnly: true });
      if (block['hint'] !== undefined) checkText(block['hint'], `${path}/hint`, problems, { max: 2000, plainOnly: true });
      if (block['element'] === undefined) return void problems.push(`missing required field: element${at(path)}`);
      checkElement(block['element'], `${path}/element`, problems, INPUT_ELEMENT_TYPES);
      noteActionId(block['element'], `${path}/element`);
      return;
    case 'rich_text':
      return checkRichText(block, path, problems);
    default:
      problems.push(`unsupported type: ${String(block['type'])}${at(`${path}/type`)}`);
  }
}

const RICH_TEXT_CONTAINERS = new Set(['rich_text_section', 'rich_text_list', 'rich_text_preformatted', 'rich_text_quote']);
const RICH_TEXT_LEAVES = new Set(['text', 'link', 'emoji', 'user', 'usergroup', 'channel', 'broadcast', 'date', 'color']);

/** A rich_text block: sections, lists, preformatted and quote elements, each holding text-like leaves. */
function checkRichText(block: Record<string, unknown>, path: string, problems: Problems): void {
  const containers = block['elements'];
  if (!Array.isArray(containers)) return void problems.push(`missing required field: elements${at(path)}`);
  containers.forEach((container, i) => {
    const p = `${path}/elements/${i}`;
    if (!isObject(container) || !RICH_TEXT_CONTAINERS.has(String(container['type']))) return void problems.push(`must be a rich text element${at(`${p}/type`)}`);
    const leaves = container['elements'];
    if (!Array.isArray(leaves)) return void problems.push(`missing required field: elements${at(p)}`);
    // A list holds sections; the others hold leaves.
    if (container['type'] === 'rich_text_list') return checkRichText({ elements: leaves }, p, problems);
    leaves.forEach((leaf, j) => {
      const q = `${p}/elements/${j}`;
      if (!isObject(leaf) || !RICH_TEXT_LEAVES.has(String(leaf['type']))) return void problems.push(`must be a rich text leaf${at(`${q}/type`)}`);
      checkRichTextLeaf(leaf, q, problems);
    });
  });
}

/** The fields each leaf must have, as Slack's block validation asks for them. */
const LEAF_STRINGS: Record<string, string[]> = {
  text: ['text'],
  user: ['user_id'],
  channel: ['channel_id'],
  usergroup: ['usergroup_id'],
  emoji: ['name'],
  link: ['url'],
  date: ['format'],
  broadcast: ['range'],
};

function checkRichTextLeaf(leaf: Record<string, unknown>, path: string, problems: Problems): void {
  for (const field of LEAF_STRINGS[String(leaf['type'])] ?? []) {
    if (typeof leaf[field] !== 'string' || leaf[field] === '') problems.push(`must be a non-empty string${at(`${path}/${field}`)}`);
  }
  if (leaf['type'] === 'date' && !Number.isInteger(leaf['timestamp'])) problems.push(`must be an integer${at(`${path}/timestamp`)}`);
  for (const field of ['fallback', 'text']) {
    if (leaf['type'] !== 'text' && leaf[field] !== undefined && typeof leaf[field] !== 'string') problems.push(`must be a string${at(`${path}/${field}`)}`);
  }
  if (leaf['style'] !== undefined && !isObject(leaf['style'])) problems.push(`must be an object${at(`${path}/style`)}`);
}
