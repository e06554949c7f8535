import { text } from './api-types.js';
import { pushView, replaceView } from './api-views.js';
import { isObject } from './element-validation.js';
import { sendInteraction, userRef, type InteractionContext } from './interactions.js';
import { APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './seed.js';
import { viewJson } from './serializers.js';
import type { BotResponse } from './types.js';
import { buildStateValues, type SubmittedValues } from './view-submission.js';
import { validateView } from './view-validation.js';

export interface SubmitViewInput {
  userId: string;
  viewId: string;
  values: SubmittedValues;
}

function checkRequired(blocks: unknown[], values: SubmittedValues): void {
  for (const block of blocks) {
    if (!isObject(block) || block['type'] !== 'input' || block['optional'] === true || !isObject(block['element'])) continue;
    const blockId = text(block['block_id']);
    const actionId = text(block['element']['action_id']);
    const value = values[blockId]?.[actionId];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      throw new Error(`sandbox: required input ${blockId}/${actionId} is empty; Slack would not submit the view`);
    }
  }
}

function validAckView(view: unknown): Record<string, unknown> {
  const problems = validateView(view);
  if (problems.length > 0) throw new Error(`sandbox: the bot answered with an invalid view: ${problems.join('; ')}`);
  return view as Record<string, unknown>;
}

/** The person, and `viewId` when it is the top of their open views (only that one can be used). */
export function topViewOf(store: InteractionContext['store'], userId: string, viewId: string) {
  const user = store.requireUser(userId);
  const stored = store.views.get(viewId);
  const stack = store.viewStacks.get(user.id) ?? [];
  if (!stored || stored.userId !== user.id) throw new Error(`sandbox: ${user.id} has no view ${viewId}`);
  if (stack[stack.length - 1] !== stored.id) throw new Error(`sandbox: view ${viewId} is not the top of ${user.id}'s open views`);
  const blocks: unknown[] = Array.isArray(stored.view['blocks']) ? stored.view['blocks'] : [];
  return { user, stored, blocks, stack };
}

/** A user submits the top modal of their stack; the bot's ack decides what the user sees next. */
export async function submitView(ctx: InteractionContext, input: SubmitViewInput): Promise<BotResponse> {
  const { store } = ctx;
  const { user, stored, blocks, stack } = topViewOf(store, input.userId, input.viewId);
  checkRequired(blocks, input.values);
  stored.values = buildStateValues(store, blocks, input.values, stored.suggested);

  const payload = {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    user: userRef(user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: store.issueTrigger(user.id),
    view: viewJson(stored),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  const response = await sendInteraction(ctx, payload);
  if (response.status !== 200) return response;

  const ack = isObject(response.body) ? response.body : {};
  switch (ack['response_action']) {
    case 'errors':
      stored.errors = isObject(ack['errors']) ? (ack['errors'] as Record<string, string>) : {};
      store.emitChange({ kind: 'view', userId: user.id, viewId: stored.id });
      break;
    case 'update':
      replaceView(store, stored, validAckView(ack['view']));
      break;
    case 'push':
      pushView(store, user.id, validAckView(ack['view']), false);
      break;
    case 'clear':
      store.viewStacks.set(user.id, []);
      store.emitChange({ kind: 'view', userId: user.id, viewId: stored.id });
      break;
    default:
      store.viewStacks.set(user.id, stack.slice(0, -1));
      store.emitChange({ kind: 'view', userId: user.id, viewId: stored.id });
  }
  return response;
}

/** A user presses Close on their top modal; the bot hears `view_closed` only when the view asked to be notified. */
export async function closeView(ctx: InteractionContext, userId: string): Promise<BotResponse | null> {
  const { store } = ctx;
  const user = store.requireUser(userId);
  const stack = store.viewStacks.get(user.id) ?? [];
  const top = stack[stack.length - 1];
  const stored = top ? store.views.get(top) : undefined;
  if (!stored) throw new Error(`sandbox: ${user.id} has no open view`);
  const clearAll = stored.view['clear_on_close'] === true;
  store.viewStacks.set(user.id, clearAll ? [] : stack.slice(0, -1));
  store.emitChange({ kind: 'view', userId: user.id, viewId: stored.id });
  if (stored.view['notify_on_close'] !== true) return null;
  const payload = {
    type: 'view_closed', team: { id: TEAM_ID, domain: TEAM_DOMAIN }, user: userRef(user), api_app_id: APP_ID, token: VERIFICATION_TOKEN,
    view: viewJson(stored), is_cleared: clearAll, is_enterprise_install: false, enterprise: null,
  };
  return sendInteraction(ctx, payload);
}
