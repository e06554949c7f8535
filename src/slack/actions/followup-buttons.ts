import type { App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { actionItemIdFromButton } from '../button-values.js';
import { followupDueMessage, followupList } from '../blocks/followup-list.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { ephemeralError, errorReply, safeRespond } from '../replies.js';
import { clickKey, requestDeps } from '../request-deps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * [Done] on a follow-up, in the `/incident followups` list or the owner's due message: marks it
 * done (owner or commander), then the message clicked shows the item done.
 */
export function registerFollowupButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.followupDone, async (args) => {
    await args.ack();
    const reply = safeRespond(args, deps.logger);
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const id = actionItemIdFromButton(args.action.value);
      if (id === undefined) return void (await reply(ephemeralError(texts.errors.actionItemGone)));
      const { incident, item } = await requestDeps(deps, clickKey(args)).followups.markDone(id, args.body.user.id);
      const inList = isEphemeral(args);
      const shown = inList ? followupList({ incident, items: await deps.followups.list(incident.id) }, texts) : followupDueMessage({ incident, item }, texts);
      await args.respond({ replace_original: true, ...shown }).catch((err: unknown) => deps.logger.warn({ err }, 'could not show the item done'));
    } catch (err) {
      if (!(err instanceof AlreadyApplied)) await reply(errorReply(err, deps.logger, '', texts));
    }
  });
}

function isEphemeral(args: ButtonArgs): boolean {
  const container: Record<string, unknown> = { ...args.body.container };
  return container['is_ephemeral'] === true;
}
