import type { App, BlockAction, BlockButtonAction, SlackActionMiddlewareArgs, UsersSelectAction } from '@slack/bolt';
import type { ItemChange } from '../../domain/runbooks/index.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import type { ItemChanged } from '../../services/checklist-service.js';
import { checklistItemFromBlockId, checklistItemFromValue } from '../button-values.js';
import { checklistMessages } from '../blocks/checklist-message.js';
import { checklistSkipModal } from '../blocks/checklist-skip-modal.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { ephemeralError, errorReply, safeRespond } from '../replies.js';
import { clickKey, requestDeps } from '../request-deps.js';

type ActionArgs<A extends BlockAction['actions'][number]> = SlackActionMiddlewareArgs<BlockAction<A>> & { client: App['client'] };

/**
 * A change made from a checklist: applied once per click (a replay changes nothing), the channel's
 * message follows through the outbox; a checklist shown only to the clicker (`/incident checklist`)
 * is redrawn in place. What went wrong is said to the clicker alone.
 */
async function applyChange<A extends BlockAction['actions'][number]>(
  args: ActionArgs<A>,
  deps: SlackDeps,
  item: { attachmentId: number; itemId: string } | undefined,
  change: ItemChange,
): Promise<void> {
  const reply = safeRespond(args, deps.logger);
  const texts = await deps.languages.textsOf(args.body.user.id);
  try {
    if (!item) return void (await reply(ephemeralError(texts.errors.stepGone)));
    const changed = await requestDeps(deps, clickKey(args)).checklists.changeItem(item.attachmentId, item.itemId, args.body.user.id, change);
    if (isEphemeral(args)) await redraw(args, deps, changed);
  } catch (err) {
    if (!(err instanceof AlreadyApplied)) await reply(errorReply(err, deps.logger, '', texts));
  }
}

async function redraw<A extends BlockAction['actions'][number]>(args: ActionArgs<A>, deps: SlackDeps, { incident, runbook }: ItemChanged): Promise<void> {
  const messageTs = containerOf(args)['message_ts'];
  const texts = await deps.languages.textsOf(args.body.user.id);
  const part = checklistMessages({ incident, runbook, texts }).find((p) => JSON.stringify(p.blocks).includes(`"block_id":"${args.action.block_id}"`));
  if (!part || typeof messageTs !== 'string') return;
  await args.respond({ replace_original: true, ...part }).catch((err: unknown) => deps.logger.warn({ err }, 'could not redraw the checklist'));
}

const containerOf = (args: { body: { container?: unknown } }): Record<string, unknown> => ({ ...(args.body.container as Record<string, unknown>) });
const isEphemeral = (args: { body: { container?: unknown } }): boolean => containerOf(args)['is_ephemeral'] === true;

export function registerChecklistButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.checklistDone, async (args) => {
    await args.ack();
    await applyChange(args, deps, checklistItemFromValue(args.action.value), { type: 'done' });
  });
  app.action<BlockButtonAction>(ACTION_ID.checklistUndo, async (args) => {
    await args.ack();
    await applyChange(args, deps, checklistItemFromValue(args.action.value), { type: 'undo' });
  });
  app.action<BlockAction<UsersSelectAction>>(ACTION_ID.checklistAssign, async (args) => {
    await args.ack();
    const userId = args.action.selected_user;
    if (!userId) return;
    await applyChange(args, deps, checklistItemFromBlockId(args.action.block_id), { type: 'assign', userId });
  });
  // Skip…: the reason is asked in a modal, opened within the trigger's 3 s.
  app.action<BlockButtonAction>(ACTION_ID.checklistSkip, async (args) => {
    await args.ack();
    const reply = safeRespond(args, deps.logger);
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const ref = checklistItemFromValue(args.action.value);
      const runbook = ref && (await deps.checklists.find(ref.attachmentId));
      const item = runbook?.items.find((i) => i.id === ref?.itemId);
      if (!ref || !item) return void (await reply(ephemeralError(texts.errors.stepGone)));
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: checklistSkipModal(ref.attachmentId, item, texts) });
    } catch (err) {
      await reply(errorReply(err, deps.logger, '', texts));
    }
  });
}
