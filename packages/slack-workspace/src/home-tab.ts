import { createHash } from 'node:crypto';
import { str, type ApiMethod } from './api-types.js';
import { isObject } from './element-validation.js';
import { actionPayload, findAction, sendEvent, sendInteraction, type InteractionContext } from './interactions.js';
import { viewJson } from './serializers.js';
import { ApiError, type BotResponse, type StoredView } from './types.js';
import { validateView } from './view-validation.js';
import { viewBlockActions } from './view-actions.js';

export interface HomeActionInput {
  userId: string;
  actionId: string;
}

/**
 * `views.publish`: sets a person's Home tab (https://api.slack.com/methods/views.publish). The
 * view must be a `home` view; `hash`, when given, must be the current one.
 */
const publish: ApiMethod = ({ store }, params) => {
  const userId = str(params['user_id']);
  if (!userId || !store.users.has(userId)) throw new ApiError('user_not_found');
  const view = params['view'];
  if (!isObject(view)) throw new ApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
  const problems = validateView(view);
  if (view['type'] !== 'home') problems.push('must be home [json-pointer:/view/type]');
  if (problems.length > 0) throw new ApiError('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
  const current = store.homeViews.get(userId);
  const hash = str(params['hash']);
  if (hash && current && hash !== current.hash) throw new ApiError('hash_conflict');
  const stored: StoredView = {
    id: current?.id ?? store.newId('V0'),
    userId,
    hash: createHash('sha1').update(store.newId('H')).digest('hex').slice(0, 20),
    rootViewId: current?.rootViewId ?? '',
    previousViewId: null,
    view,
    errors: null,
    values: {},
  };
  stored.rootViewId ||= stored.id;
  store.homeViews.set(userId, stored);
  store.emitChange({ kind: 'view', userId, viewId: stored.id });
  return { view: viewJson(stored) };
};

export const homeMethods: Record<string, ApiMethod> = { 'views.publish': publish };

/** The person opens the app's Home tab: Slack sends `app_home_opened` (with the published view, if any). */
export function openAppHome(ctx: InteractionContext, userId: string): Promise<BotResponse & { eventId: string }> {
  const { store } = ctx;
  const user = store.requireUser(userId);
  const home = store.homeViews.get(user.id);
  return sendEvent(ctx, {
    type: 'app_home_opened',
    user: user.id,
    channel: store.imWith(user.id).id,
    tab: 'home',
    ...(home ? { view: viewJson(home) } : {}),
  });
}

/** A click on a button of the Home tab: `block_actions` with a `view` container, and no channel or response URL. */
export function clickHomeAction(ctx: InteractionContext, input: HomeActionInput): Promise<BotResponse> {
  const { store } = ctx;
  const user = store.requireUser(input.userId);
  const home = store.homeViews.get(user.id);
  if (!home) throw new Error(`sandbox: ${user.id} has no Home tab published`);
  const blocks = Array.isArray(home.view['blocks']) ? (home.view['blocks'] as unknown[]) : [];
  const found = findAction(blocks, input.actionId);
  if (!found) throw new Error(`sandbox: the Home tab has no element with action_id ${input.actionId}`);
  return sendInteraction(ctx, viewBlockActions(ctx, user, home, actionPayload(found.element, found.blockId, input, store.nextTs())));
}
