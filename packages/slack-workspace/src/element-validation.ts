/** Block Kit element and composition-object checks; each failure is a Slack-style message. */

export type Problems = string[];

const at = (path: string) => ` [json-pointer:${path}]`;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkText(
  value: unknown,
  path: string,
  problems: Problems,
  opts: { max: number; plainOnly?: boolean; required?: boolean },
): void {
  if (value === undefined) {
    if (opts.required !== false) problems.push(`missing required field: text${at(path)}`);
    return;
  }
  if (!isObject(value)) return void problems.push(`must be a text object${at(path)}`);
  const type = value['type'];
  if (type !== 'plain_text' && type !== 'mrkdwn') return void problems.push(`must be one of plain_text, mrkdwn${at(`${path}/type`)}`);
  if (opts.plainOnly && type !== 'plain_text') problems.push(`must be plain_text${at(`${path}/type`)}`);
  const text = value['text'];
  if (typeof text !== 'string') return void problems.push(`missing required field: text${at(`${path}/text`)}`);
  if (text.length < 1) problems.push(`must be more than 0 characters${at(`${path}/text`)}`);
  if (text.length > opts.max) problems.push(`must be less than ${opts.max + 1} characters${at(`${path}/text`)}`);
}

function checkString(value: unknown, name: string, path: string, problems: Problems, max: number, required: boolean): void {
  if (value === undefined) {
    if (required) problems.push(`missing required field: ${name}${at(path)}`);
    return;
  }
  if (typeof value !== 'string') return void problems.push(`must be a string${at(`${path}/${name}`)}`);
  if (required && value.length === 0) problems.push(`must be more than 0 characters${at(`${path}/${name}`)}`);
  if (value.length > max) problems.push(`must be less than ${max + 1} characters${at(`${path}/${name}`)}`);
}

export function checkOptions(value: unknown, path: string, problems: Problems, min: number, max: number, plainOnly: boolean): void {
  if (!Array.isArray(value)) return void problems.push(`missing required field: options${at(path)}`);
  if (value.length < min) problems.push(`must provide at least ${min} items${at(path)}`);
  if (value.length > max) problems.push(`no more than ${max} items allowed${at(path)}`);
  value.forEach((option, i) => {
    const p = `${path}/${i}`;
    if (!isObject(option)) return void problems.push(`must be an option object${at(p)}`);
    checkText(option['text'], `${p}/text`, problems, { max: 75, plainOnly });
    checkString(option['value'], 'value', p, problems, 150, true);
  });
}

const SELECT_TYPES = new Set(['static_select', 'multi_static_select', 'users_select', 'multi_users_select',
  'conversations_select', 'multi_conversations_select', 'channels_select', 'multi_channels_select', 'external_select']);

export const INPUT_ELEMENT_TYPES = new Set([...SELECT_TYPES, 'plain_text_input', 'datepicker', 'timepicker', 'datetimepicker',
  'checkboxes', 'radio_buttons', 'number_input', 'email_text_input', 'url_text_input', 'rich_text_input']);

export const ACTION_ELEMENT_TYPES = new Set([...SELECT_TYPES, 'button', 'overflow', 'datepicker', 'timepicker',
  'checkboxes', 'radio_buttons']);

export const ACCESSORY_TYPES = new Set([...ACTION_ELEMENT_TYPES, 'image']);

export function checkElement(element: unknown, path: string, problems: Problems, allowed: Set<string>): void {
  if (!isObject(element)) return void problems.push(`must be an element object${at(path)}`);
  const type = element['type'];
  if (typeof type !== 'string' || !allowed.has(type)) {
    return void problems.push(`unsupported type: ${String(type)}${at(`${path}/type`)}`);
  }
  if (type !== 'image') checkString(element['action_id'], 'action_id', path, problems, 255, false);
  if (element['placeholder'] !== undefined) checkText(element['placeholder'], `${path}/placeholder`, problems, { max: 150, plainOnly: true });
  switch (type) {
    case 'button':
      checkText(element['text'], `${path}/text`, problems, { max: 75, plainOnly: true });
      checkString(element['value'], 'value', path, problems, 2000, false);
      checkString(element['url'], 'url', path, problems, 3000, false);
      if (element['style'] !== undefined && element['style'] !== 'primary' && element['style'] !== 'danger') {
        problems.push(`must be one of primary, danger${at(`${path}/style`)}`);
      }
      break;
    case 'overflow':
      checkOptions(element['options'], `${path}/options`, problems, 1, 5, true);
      break;
    case 'static_select':
    case 'multi_static_select':
      if (element['option_groups'] === undefined) checkOptions(element['options'], `${path}/options`, problems, 1, 100, true);
      else if (!Array.isArray(element['option_groups'])) problems.push(`must be an array${at(`${path}/option_groups`)}`);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(element['options'], `${path}/options`, problems, 1, 10, false);
      break;
    case 'plain_text_input':
      if (typeof element['max_length'] === 'number' && element['max_length'] > 3000) {
        problems.push(`must be less than 3001${at(`${path}/max_length`)}`);
      }
      break;
    case 'image':
      if (element['image_url'] === undefined && element['slack_file'] === undefined) problems.push(`missing required field: image_url${at(path)}`);
      checkString(element['alt_text'], 'alt_text', path, problems, 2000, true);
      break;
    default:
      break;
  }
}
