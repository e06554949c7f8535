import type { App, BlockButtonAction } from '@slack/bolt';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { entryMenuFromOption, noteToRecordFromButton } from '../button-values.js';
import { slackDate } from '../blocks/mrkdwn.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { ephemeral, ephemeralError, errorReply, safeRespond } from '../replies.js';
import { requestDeps } from '../request-deps.js';
import { openEntryEditor } from './timeline-actions.js';

/**
 * The buttons on a note's reply: **Correct the time** (a note read as UTC) opens the timeline
 * form on the entry; **Record it now** (a note refused for a future time) records its text at
 * now, once per refusal however often it is clicked, and the reply then says so in place.
 */
export function registerNoteButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.noteCorrectTime, async (args) => {
    await args.ack();
    const reply = safeRespond(args, deps.logger);
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const entry = entryMenuFromOption(args.action.value);
      if (!entry || entry.command !== 'edit') return await reply(ephemeralError(texts.buttonReplies.noteButtonOutOfDate));
      await openEntryEditor(args, deps, entry.incidentId, entry.entryId);
    } catch (err) {
      await reply(errorReply(err, deps.logger, '', texts));
    }
  });
  app.action<BlockButtonAction>(ACTION_ID.noteRecordNow, async (args) => {
    await args.ack();
    const reply = safeRespond(args, deps.logger);
    const texts = await deps.languages.textsOf(args.body.user.id);
    const note = noteToRecordFromButton(args.action.value);
    if (!note) return reply(ephemeralError(texts.buttonReplies.noteButtonOutOfDate));
    const replace = (text: string) => reply({ ...ephemeral(text), replace_original: true });
    try {
      await requestDeps(deps, `note-now:${note.refusal}`).incidents.addNote(note.incidentId, args.body.user.id, note.text);
      await replace(texts.buttonReplies.notedNow(slackDate(deps.clock.now())));
    } catch (err) {
      if (err instanceof AlreadyApplied) return replace(texts.buttonReplies.notedAlready);
      await reply(errorReply(err, deps.logger, note.text, texts));
    }
  });
}
