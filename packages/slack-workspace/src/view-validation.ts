import { validateBlocks } from './block-validation.js';
import { checkText, isObject, type Problems } from './element-validation.js';

/** Slack's checks for `views.open` / `views.update` / `views.push`; problems go in response_metadata.messages. */
export function validateView(view: unknown): Problems {
  if (!isObject(view)) return ['failed to match all allowed schemas [json-pointer:/view]'];
  const problems: Problems = [];
  const type = view['type'];
  if (type !== 'modal' && type !== 'home') problems.push('must be one of modal, home [json-pointer:/view/type]');
  if (type === 'modal') {
    checkText(view['title'], '/view/title', problems, { max: 24, plainOnly: true });
    for (const label of ['submit', 'close'] as const) {
      if (view[label] !== undefined) checkText(view[label], `/view/${label}`, problems, { max: 24, plainOnly: true });
    }
    const blocks = Array.isArray(view['blocks']) ? view['blocks'] : [];
    const hasInput = blocks.some((b) => isObject(b) && b['type'] === 'input');
    if (hasInput && view['submit'] === undefined) problems.push('must provide submit when input blocks are present [json-pointer:/view/submit]');
  }
  problems.push(...validateBlocks(view['blocks'], 100).map((p) => p.replace('[json-pointer:/blocks', '[json-pointer:/view/blocks')));
  const metadata = view['private_metadata'];
  if (metadata !== undefined && (typeof metadata !== 'string' || metadata.length > 3000)) {
    problems.push('must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  const callbackId = view['callback_id'];
  if (callbackId !== undefined && (typeof callbackId !== 'string' || callbackId.length > 255)) {
    problems.push('must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  if (Buffer.byteLength(JSON.stringify(view)) > 250_000) problems.push('view is larger than 250 kB [json-pointer:/view]');
  return problems;
}
