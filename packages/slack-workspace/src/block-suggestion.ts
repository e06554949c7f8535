import { formBody, NO_ANSWER, sendSigned } from './bot-sender.js';
import { checkOptions, checkText, isObject, type Problems } from './element-validation.js';
import { findAction, userRef, type InteractionContext } from './interactions.js';
import { APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './seed.js';
import { viewJson } from './serializers.js';
import { topViewOf } from './submit-view.js';
import type { BotResponse, SuggestedOption } from './types.js';
import { buildStateValues, type SubmittedValues } from './view-submission.js';

/** Slack waits this long for the options, then shows the menu without them. */
export const SUGGESTION_TIMEOUT_MS = 3000;
/** Slack's default `min_query_length`. */
const DEFAULT_MIN_QUERY_LENGTH = 3;
/** An answer holds at most 100 options, or 100 groups. */
const MAX_OPTIONS = 100;

export interface BlockSuggestionInput {
  userId: string;
  viewId: string;
  actionId: string;
  /** What the person has typed in the menu's search field. */
  value: string;
  /** What the person has entered in the modal's other inputs so far (`view.state.values`). */
  values?: SubmittedValues;
}

export interface OptionGroup {
  label: unknown;
  options: SuggestedOption[];
}

/** What the menu shows: the app's options, or why there are none. */
export type SuggestionResult =
  | { ok: true; sent: boolean; options: SuggestedOption[]; option_groups?: OptionGroup[] }
  | { ok: false; error: 'no_answer' | 'invalid_answer'; message: string; response: BotResponse };

/**
 * A person types in (or opens) an `external_select` in their top modal: Slack sends the app a
 * signed `block_suggestion` (unless fewer than `min_query_length` characters are typed, default 3)
 * and shows what it answers within 3 s: `options` or `option_groups`, at most 100, each option's
 * text plain_text of at most 75 characters and its value at most 150. The options answered are
 * what the person can then pick, and what `selected_option` is made of when the view is submitted.
 */
export async function blockSuggestion(ctx: InteractionContext, input: BlockSuggestionInput): Promise<SuggestionResult> {
  const { store } = ctx;
  const { user, stored, blocks } = topViewOf(store, input.userId, input.viewId);
  const found = findAction(blocks, input.actionId);
  const type = found?.element['type'];
  if (!found || (type !== 'external_select' && type !== 'multi_external_select')) {
    throw new Error(`sandbox: view ${input.viewId} has no external select with action_id ${input.actionId}`);
  }
  const min = typeof found.element['min_query_length'] === 'number' ? found.element['min_query_length'] : DEFAULT_MIN_QUERY_LENGTH;
  if (input.value.length < min) return { ok: true, sent: false, options: [] };
  if (input.values) stored.values = buildStateValues(store, blocks, input.values, stored.suggested);
  const payload = {
    type: 'block_suggestion',
    user: userRef(user),
    container: { type: 'view', view_id: stored.id },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    action_id: input.actionId,
    block_id: found.blockId,
    value: input.value,
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    view: viewJson(stored),
  };
  const response = ctx.socketMode.enabled
    ? await ctx.socketMode.deliver('interactive', payload)
    : await sendSigned(ctx.botUrl(), ctx.signingSecret, ctx.realClock, formBody({ payload: JSON.stringify(payload) }), {
      contentType: 'application/x-www-form-urlencoded',
      timeoutMs: SUGGESTION_TIMEOUT_MS,
    });
  if (response.status !== 200) {
    const message = response.status === NO_ANSWER.status ? 'the app did not answer within 3 seconds' : `the app answered ${response.status}`;
    return { ok: false, error: 'no_answer', message, response };
  }
  const problems = answerProblems(response.body);
  if (problems.length > 0) return { ok: false, error: 'invalid_answer', message: `the app's options are invalid: ${problems.join('; ')}`, response };
  const answer = response.body as { options?: SuggestedOption[]; option_groups?: OptionGroup[] };
  const offered = answer.options ?? answer.option_groups!.flatMap((g) => g.options);
  stored.suggested = { ...stored.suggested, [input.actionId]: offered.map((o) => ({ text: o.text, value: o.value })) };
  return answer.options ? { ok: true, sent: true, options: answer.options } : { ok: true, sent: true, options: [], option_groups: answer.option_groups! };
}

/** Why Slack would not show the answer; empty when it is fine. */
function answerProblems(body: unknown): Problems {
  const problems: Problems = [];
  if (!isObject(body)) return ['the answer is not a JSON object'];
  const hasOptions = body['options'] !== undefined;
  const hasGroups = body['option_groups'] !== undefined;
  if (hasOptions === hasGroups) return ['the answer must hold either options or option_groups'];
  if (hasOptions) checkOptions(body['options'], '/options', problems, 0, MAX_OPTIONS, true);
  else if (!Array.isArray(body['option_groups'])) problems.push('option_groups must be an array');
  else {
    if (body['option_groups'].length > MAX_OPTIONS) problems.push(`no more than ${MAX_OPTIONS} items allowed [json-pointer:/option_groups]`);
    body['option_groups'].forEach((group: unknown, i) => {
      if (!isObject(group)) return void problems.push(`must be an option group [json-pointer:/option_groups/${i}]`);
      checkText(group['label'], `/option_groups/${i}/label`, problems, { max: 75, plainOnly: true });
      checkOptions(group['options'], `/option_groups/${i}/options`, problems, 1, MAX_OPTIONS, true);
    });
  }
  return problems;
}
