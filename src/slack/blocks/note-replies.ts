import type { KnownBlock } from '@slack/types';
import type { Texts } from '../../domain/texts/index.js';
import { entryMenuValue, recordNoteValue, type NoteToRecord } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, section } from './elements.js';

/** A note read as UTC because Slack could not say the author's zone: the reply, and a button to correct its time. */
export function correctTimeButton(mrkdwn: string, incidentId: number, entryId: number, texts: Texts): KnownBlock[] {
  return [section(mrkdwn), actions([button(texts.buttonReplies.correctTheTime, ACTION_ID.noteCorrectTime, entryMenuValue('edit', incidentId, entryId))])];
}

/** A note refused for a time later than now: **Record it now**, unless its text is too long to carry in a button. */
export function recordNowButton(note: NoteToRecord, texts: Texts): KnownBlock[] {
  const value = recordNoteValue(note);
  return value ? [actions([button(texts.buttonReplies.recordItNow, ACTION_ID.noteRecordNow, value, 'primary')])] : [];
}
