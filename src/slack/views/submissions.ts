import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { DomainError } from '../../domain/errors.js';
import { incidentRef } from '../../domain/incident.js';
import { textsFor, type Texts } from '../../domain/texts/index.js';
import { TIME_FIELDS } from '../../domain/incident-times.js';
import { ENTRY_FIELDS } from '../../services/timeline-service.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { parseDeclareView } from '../blocks/declare-modal.js';
import { parseChecklistSkipView } from '../blocks/checklist-skip-modal.js';
import { parseFollowupView } from '../blocks/followup-modal.js';
import { formLocale } from '../blocks/form-locale.js';
import { safeKeepingMentions } from '../blocks/mrkdwn.js';
import { progressModal } from '../blocks/progress-modal.js';
import { parseResolveView } from '../blocks/resolve-modal.js';
import { parseTimelineMessageView } from '../blocks/timeline-message-modal.js';
import { parseTimelineEntryView } from '../blocks/timeline-entry-modal.js';
import { parseUpdateView } from '../blocks/update-modal.js';
import type { ParseResult } from '../blocks/view-state.js';
import { withinDeadline } from '../deadline.js';
import type { SlackDeps } from '../deps.js';
import { actionItemInput, CALLBACK_ID, CHECKLIST_SKIP_INPUT, DECLARE_INPUT, RESOLVE_INPUT, TIMELINE_INPUT, TIMELINE_MESSAGE_INPUT, UPDATE_INPUT } from '../ids.js';
import { modalErrors } from '../replies.js';
import { requestDeps } from '../request-deps.js';
import { pinnedAnswer } from '../shortcuts/add-to-timeline.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & { client: App['client'] };

/**
 * A modal submission: parse, run the use case once per view (its id and hash) against the
 * acknowledgement deadline, and answer with the real outcome: the modal closes, or keeps its
 * field errors; when the database is slow, it shows "saving" and then what happened. All of it in
 * the language the form was shown in (in its private_metadata).
 */
function submission<T>(
  deps: SlackDeps,
  parse: (args: ViewArgs, zone?: string) => ParseResult<T>,
  fallbackBlock: string,
  fieldBlocks: Record<string, string>,
  run: (value: T, userId: string, scoped: SlackDeps, texts: Texts) => Promise<string>,
  options: { readsZone?: boolean } = {},
) {
  return async (args: ViewArgs) => {
    const started = performance.now();
    const zone = options.readsZone ? await submitterZone(deps, args.body.user.id) : undefined;
    const parsed = parse(args, zone);
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const { view } = args.body;
    const texts = await formTexts(deps, view.private_metadata, args.body.user.id);
    const saving = texts.forms.saving;
    const logger = deps.logger.child({ view: view.callback_id, user: args.body.user.id });
    const scoped = requestDeps(deps, `view:${view.id}:${view.hash}`);
    const left = Math.max(0, deps.ackDeadlineMs - (performance.now() - started));
    const raced = await withinDeadline(run(parsed.value, args.body.user.id, scoped, texts), left);
    if (raced.state === 'done') return args.ack();
    if (raced.state === 'failed') {
      if (raced.error instanceof AlreadyApplied) return args.ack();
      const errors = modalErrors(raced.error, fallbackBlock, logger, texts);
      const keyed = Object.fromEntries(Object.entries(errors).map(([field, msg]) => [fieldBlocks[field] ?? field, msg]));
      return args.ack({ response_action: 'errors', errors: keyed });
    }
    const title = view.title.text;
    await args.ack({ response_action: 'update', view: progressModal({ title, text: `:hourglass_flowing_sand: ${saving.stillSaving}` }, texts) });
    const outcome = await raced.later;
    const text = outcome.ok
      ? `:white_check_mark: ${outcome.value}`
      : outcome.error instanceof AlreadyApplied
        ? `:white_check_mark: ${saving.savedAlready}`
        : outcome.error instanceof DomainError
          ? `:warning: ${safeKeepingMentions(outcome.error.textIn(texts), 2800)} ${saving.nothingChanged}`
          : (logger.error({ err: outcome.error }, 'slow modal submission failed'), `:warning: ${saving.failed}`);
    try {
      await args.client.views.update({ view_id: view.id, view: progressModal({ title, text }, texts) });
    } catch (err) {
      logger.warn({ err, saved: outcome.ok }, 'could not show the outcome of a slow submission');
    }
  };
}

/** The texts of the form's language (its private_metadata), else of the person who submitted it. */
async function formTexts(deps: SlackDeps, privateMetadata: string | undefined, userId: string): Promise<Texts> {
  const locale = formLocale(privateMetadata);
  return locale ? textsFor(locale) : deps.languages.textsOf(userId);
}

/**
 * The submitter's zone, from the cache or asked of Slack, when it comes within half the
 * acknowledgement deadline (the rest is the submission's); otherwise undefined, and the form's
 * date rules allow for any zone. A lookup still running goes on and is cached for next time.
 */
async function submitterZone(deps: SlackDeps, userId: string): Promise<string | undefined> {
  const raced = await withinDeadline(deps.zones.of(userId), deps.ackDeadlineMs / 2);
  if (raced.state === 'failed') deps.logger.warn({ err: raced.error, user: userId }, 'could not read the time zone of the submitter');
  return raced.state === 'done' && raced.value.known ? raced.value.zone : undefined;
}

export function registerViewSubmissions(app: App, deps: SlackDeps): void {
  app.view(
    CALLBACK_ID.declare,
    submission(deps, ({ view }) => parseDeclareView(view), DECLARE_INPUT.title.block, {
      title: DECLARE_INPUT.title.block, [TIME_FIELDS.startedAt]: DECLARE_INPUT.startedAt.block, [TIME_FIELDS.detectedAt]: DECLARE_INPUT.detectedAt.block,
    }, async (value, userId, scoped, texts) => {
      const incident = await scoped.incidents.declare({ ...value, declaredBy: userId });
      return texts.declare.declared(incidentRef(incident.id));
    }),
  );
  app.view(
    CALLBACK_ID.update,
    submission(deps, ({ view }) => parseUpdateView(view), UPDATE_INPUT.summary.block, { status: UPDATE_INPUT.status.block }, async (value, userId, scoped, texts) => {
      const { incident } = await scoped.incidents.postUpdate({
        incidentId: value.incidentId, authorId: userId, status: value.status, fields: { ...value.fields, summary: value.summary }, scenario: value.scenario,
      });
      return texts.forms.update.posted(incidentRef(incident.id));
    }),
  );
  app.view(
    CALLBACK_ID.resolve,
    submission(deps, ({ view }, zone) => parseResolveView(view, deps.clock.now(), zone), RESOLVE_INPUT.summary.block, {}, async (value, userId, scoped, texts) => {
      const { incidentId, actionItems, ...resolution } = value;
      await scoped.incidents.resolve(incidentId, userId, resolution, actionItems);
      return texts.forms.resolve.resolved(incidentRef(incidentId));
    }, { readsZone: true }),
  );
  app.view(
    CALLBACK_ID.timelineEntry,
    submission(deps, ({ view }) => parseTimelineEntryView(view), TIMELINE_INPUT.text.block, {
      [ENTRY_FIELDS.at]: TIMELINE_INPUT.at.block, [ENTRY_FIELDS.text]: TIMELINE_INPUT.text.block,
    }, async ({ incidentId, entryId, ...entry }, userId, scoped, texts) => {
      if (entryId === undefined) await scoped.timeline.addEntry(incidentId, userId, entry);
      else await scoped.timeline.editEntry(incidentId, entryId, userId, entry);
      return (entryId === undefined ? texts.forms.timelineEntry.added : texts.forms.timelineEntry.edited)(incidentRef(incidentId));
    }),
  );
  app.view(
    CALLBACK_ID.followup,
    submission(deps, ({ view }, zone) => parseFollowupView(view, deps.clock.now(), zone), actionItemInput(0, 'title').block, {}, async (value, userId, scoped, texts) => {
      const added = await scoped.postmortems.addActionItems(value.incidentId, userId, value.items);
      return texts.forms.followup.added(added.length, incidentRef(value.incidentId));
    }, { readsZone: true }),
  );
  app.view(
    CALLBACK_ID.checklistSkip,
    submission(deps, ({ view }) => parseChecklistSkipView(view), CHECKLIST_SKIP_INPUT.reason.block, { reason: CHECKLIST_SKIP_INPUT.reason.block }, async (value, userId, scoped, texts) => {
      await scoped.checklists.changeItem(value.attachmentId, value.itemId, userId, { type: 'skip', reason: value.reason });
      return texts.forms.checklistSkip.skipped;
    }),
  );
  app.view(
    CALLBACK_ID.timelineMessage,
    submission(deps, ({ view }) => parseTimelineMessageView(view), TIMELINE_MESSAGE_INPUT.incident.block, {}, async (value, userId, scoped, texts) =>
      pinnedAnswer(await scoped.conversation.addToIncident(value.incidentId, userId, value.message), texts),
    ),
  );
}
