import type { App, BlockButtonAction, BlockOverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../domain/errors.js';
import type { Texts } from '../../domain/texts/index.js';
import { milestoneOf } from '../../domain/timeline-corrections.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { entryMenuFromOption, incidentIdFromButton, timelinePageFromButton } from '../button-values.js';
import { timelineEntryModal } from '../blocks/timeline-entry-modal.js';
import { pageOfEntry, timelinePageMessage } from '../blocks/timeline-page.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { errorReply, ephemeralError, safeRespond } from '../replies.js';
import { clickKey, requestDeps } from '../request-deps.js';

export type Args<A extends BlockButtonAction | BlockOverflowAction> = SlackActionMiddlewareArgs<A> & { client: App['client'] };

/** The timeline message's page again, in place of the one clicked on. */
async function showPage(args: Args<BlockButtonAction | BlockOverflowAction>, deps: SlackDeps, incidentId: number, page: number, notice?: string) {
  const userId = args.body.user.id;
  const view = await deps.timeline.view(incidentId, userId);
  if (!view) return safeRespond(args, deps.logger)(ephemeralError((await deps.languages.textsOf(userId)).buttonReplies.incidentGone));
  const message = timelinePageMessage(
    { incident: view.incident, entries: view.entries, messages: view.messages, page, viewerId: userId, notice },
    await deps.languages.textsOf(userId),
  );
  await safeRespond(args, deps.logger)({ response_type: 'ephemeral', replace_original: true, ...message });
}

/** The timeline form on a note people wrote, to correct its time, text or milestone (Edit, or Correct the time on a note read as UTC). */
export async function openEntryEditor(args: Args<BlockButtonAction | BlockOverflowAction>, deps: SlackDeps, incidentId: number, entryId: number): Promise<void> {
  const texts = deps.languages.textsOf(args.body.user.id);
  const view = await deps.timeline.view(incidentId, args.body.user.id);
  if (!view) return safeRespond(args, deps.logger)(ephemeralError((await texts).buttonReplies.incidentGone));
  const entry = view.entries.find((e) => e.id === entryId);
  if (!entry) throw new DomainError('not_found', (t) => t.errors.entryGone);
  if (entry.kind !== 'note_added') throw new DomainError('invalid_input', (t) => t.errors.entryNotEditable);
  const modal = timelineEntryModal(view.incident, await texts, { id: entry.id, at: entry.occurredAt, text: entry.data.text, milestone: milestoneOf(entry) });
  await args.client.views.open({ trigger_id: args.body.trigger_id, view: modal });
}

async function onMenu(args: Args<BlockOverflowAction>, deps: SlackDeps, texts: Texts): Promise<void> {
  const chosen = entryMenuFromOption(args.action.selected_option.value);
  if (!chosen) return safeRespond(args, deps.logger)(ephemeralError(texts.buttonReplies.timelineMenuOutOfDate));
  const { command, incidentId, entryId } = chosen;
  const userId = args.body.user.id;
  if (command === 'edit') return openEntryEditor(args, deps, incidentId, entryId);
  const view = await deps.timeline.view(incidentId, userId);
  if (!view) return safeRespond(args, deps.logger)(ephemeralError(texts.buttonReplies.incidentGone));
  if (!view.entries.some((e) => e.id === entryId)) throw new DomainError('not_found', (t) => t.errors.entryGone);
  await requestDeps(deps, clickKey(args)).timeline.removeEntry(incidentId, entryId, userId);
  await showPage(args, deps, incidentId, pageOfEntry(view.entries, view.messages, entryId), texts.buttonReplies.entryRemoved);
}

export function registerTimelineActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.timelinePage, async (args) => {
    await args.ack();
    const target = timelinePageFromButton(args.action.value);
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      if (!target) return await safeRespond(args, deps.logger)(ephemeralError(texts.buttonReplies.timelineButtonOutOfDate));
      await showPage(args, deps, target.incidentId, target.page);
    } catch (err) {
      await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', texts));
    }
  });
  app.action<BlockButtonAction>(ACTION_ID.timelineAdd, async (args) => {
    await args.ack();
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const id = incidentIdFromButton(args.action.value);
      const incident = id === undefined ? undefined : await deps.incidents.find(id);
      if (!incident) return await safeRespond(args, deps.logger)(ephemeralError(texts.buttonReplies.incidentGone));
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: timelineEntryModal(incident, texts) });
    } catch (err) {
      await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', texts));
    }
  });
  app.action<BlockOverflowAction>(ACTION_ID.timelineEntryMenu, async (args) => {
    await args.ack();
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      await onMenu(args, deps, texts);
    } catch (err) {
      if (!(err instanceof AlreadyApplied)) await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', texts));
    }
  });
}
