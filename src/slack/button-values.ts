import { z } from 'zod';

/**
 * The one encoding of a button's value: the incident's (or an action item's) number. A value that does not parse (an
 * edited payload, an id past Postgres' integer range) is undefined, never a crash or a query.
 */
const incidentIdValue = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

export function incidentButtonValue(incidentId: number): string {
  return String(incidentId);
}

export function incidentIdFromButton(value: string | undefined): number | undefined {
  const parsed = incidentIdValue.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A timeline page button: `<incident>:<page>` (page from 0). */
export function timelinePageValue(incidentId: number, page: number): string {
  return `${incidentId}:${page}`;
}

export function timelinePageFromButton(value: string | undefined): { incidentId: number; page: number } | undefined {
  const [incident, page, ...rest] = (value ?? '').split(':');
  const incidentId = incidentIdFromButton(incident);
  if (incidentId === undefined || rest.length > 0 || !/^\d{1,6}$/.test(page ?? '')) return undefined;
  return { incidentId, page: Number(page) };
}

export type EntryCommand = 'edit' | 'remove';

/** An entry's overflow option: `<edit|remove>:<incident>:<entry>`. */
export function entryMenuValue(command: EntryCommand, incidentId: number, entryId: number): string {
  return `${command}:${incidentId}:${entryId}`;
}

export function entryMenuFromOption(value: unknown): { command: EntryCommand; incidentId: number; entryId: number } | undefined {
  // Typed as a string by Bolt, but a signed request can carry anything.
  const [command, incident, entry, ...rest] = (typeof value === 'string' ? value : '').split(':');
  const incidentId = incidentIdFromButton(incident);
  if ((command !== 'edit' && command !== 'remove') || incidentId === undefined || rest.length > 0 || !/^[1-9]\d{0,14}$/.test(entry ?? '')) return undefined;
  return { command, incidentId, entryId: Number(entry) };
}

/** A follow-up's [Done] carries the action item's id, parsed the same careful way. */
export function actionItemButtonValue(actionItemId: number): string {
  return String(actionItemId);
}

export function actionItemIdFromButton(value: string | undefined): number | undefined {
  const parsed = incidentIdValue.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A checklist item: `<attachment>:<item id>`, on its buttons, in its block_id and the skip modal's metadata. */
export function checklistItemValue(attachmentId: number, itemId: string): string {
  return `${attachmentId}:${itemId}`;
}

export function checklistItemFromValue(value: string | undefined): { attachmentId: number; itemId: string } | undefined {
  const match = /^([1-9]\d{0,9}):([a-z0-9_-]{1,64})$/.exec(value ?? '');
  const attachmentId = incidentIdFromButton(match?.[1]);
  return attachmentId === undefined || !match ? undefined : { attachmentId, itemId: match[2]! };
}

const CHECKLIST_BLOCK = 'checklist:';

export function checklistBlockId(attachmentId: number, itemId: string): string {
  return `${CHECKLIST_BLOCK}${checklistItemValue(attachmentId, itemId)}`;
}

export function checklistItemFromBlockId(blockId: string | undefined): { attachmentId: number; itemId: string } | undefined {
  return blockId?.startsWith(CHECKLIST_BLOCK) ? checklistItemFromValue(blockId.slice(CHECKLIST_BLOCK.length)) : undefined;
}

/** Slack's limit on a button's value. */
const BUTTON_VALUE_MAX = 2000;

export interface NoteToRecord {
  incidentId: number;
  /** The refused command's trigger id: the note is recorded once per refusal, however often clicked. */
  refusal: string;
  text: string;
}

/** Record it now: `<incident>:<refusal key>:<text>`; undefined when the text is too long for a button. */
export function recordNoteValue(note: NoteToRecord): string | undefined {
  const value = `${note.incidentId}:${note.refusal}:${note.text}`;
  return /^[\w.-]{1,200}$/.test(note.refusal) && note.text.trim() !== '' && value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

export function noteToRecordFromButton(value: string | undefined): NoteToRecord | undefined {
  const match = /^([^:]*):([\w.-]{1,200}):([\s\S]+)$/.exec(value ?? '');
  const incidentId = incidentIdFromButton(match?.[1]);
  if (!match || incidentId === undefined || !match[3]!.trim()) return undefined;
  return { incidentId, refusal: match[2]!, text: match[3]! };
}
