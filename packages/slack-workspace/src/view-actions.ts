import { actionPayload, findAction, sendInteraction, userRef, type InteractionContext } from './interactions.js';
import { APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN } from './seed.js';
import { viewJson } from './serializers.js';
import type { BotResponse, SeedUser, StoredView } from './types.js';
import { topViewOf } from './submit-view.js';
import { buildStateValues, withSuggested, type SubmittedValues } from './view-submission.js';

export interface ClickViewActionInput {
  userId: string;
  viewId: string;
  actionId: string;
  /** What the person has entered in the modal's inputs so far; Slack sends it as `view.state.values`. */
  values?: SubmittedValues;
  /** For buttons, overrides the element's value; for selects, the chosen option's value (or user id). */
  value?: string;
  selectedOption?: string;
}

/**
 * A user clicks (or picks from) an interactive element in their top modal: Slack's block_actions
 * payload with `container.type: 'view'`, the view with its hash and the state entered so far, and
 * no response_url (an app answers a modal with views.update, not respond()).
 */
export async function clickViewAction(ctx: InteractionContext, input: ClickViewActionInput): Promise<BotResponse> {
  const { store } = ctx;
  const { user, stored, blocks } = topViewOf(store, input.userId, input.viewId);
  const found = findAction(blocks, input.actionId);
  if (!found) throw new Error(`sandbox: view ${input.viewId} has no element with action_id ${input.actionId}`);
  stored.values = buildStateValues(store, blocks, input.values ?? {}, stored.suggested);
  const element = withSuggested(found.element, stored.suggested?.[input.actionId]);
  return sendInteraction(ctx, viewBlockActions(ctx, user, stored, actionPayload(element, found.blockId, input, store.nextTs())));
}

/** Slack's block_actions payload for a click in a view (a modal, the Home tab): a view container, no channel, no response_url. */
export function viewBlockActions(ctx: InteractionContext, user: SeedUser, view: StoredView, action: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: userRef(user),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: { type: 'view', view_id: view.id },
    trigger_id: ctx.store.issueTrigger(user.id),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    view: viewJson(view),
    actions: [action],
  };
}
