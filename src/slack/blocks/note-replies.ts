import type { KnownBlock } from '@slack/types';
import { entryMenuValue, recordNoteValue, type NoteToRecord } from '../button-values.js';
import { ACTION_ID } from '../ids.js';
import { actions, button, section } from './elements.js';

/** A note read as UTC because Slack could not say the author's zone: the reply, and a button to correct its time. */
export function correctTimeButton(mrkdwn: string, incidentId: number, entryId: number): KnownBlock[] {
  return [section(mrkdwn), actions([button('Correct the time', ACTION_ID.noteCorrectTime, entryMenuValue('edit', incidentId, entryId))])];
}

/** A note refused for a time later than now: **Record it now**, unless its text is too long to carry in a button. */
export function recordNowButton(note: NoteToRecord): KnownBlock[] {
  const value = recordNoteValue(note);
  return value ? [actions([button('Record it now', ACTION_ID.noteRecordNow, value, 'primary')])] : [];
}
