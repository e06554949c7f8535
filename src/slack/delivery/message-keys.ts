/** Keys of an incident's long-lived Slack messages in `slack_messages`. */
export const CARD_KEY = 'card';
export const ANNOUNCEMENT_KEY = 'announcement';
/** The shared postmortem file (`ts` holds its id) and its permalink (`ts` holds the URL). */
export const POSTMORTEM_FILE_KEY = 'postmortem';
export const POSTMORTEM_LINK_KEY = 'postmortem_link';
/** A file uploaded by one outbox attempt, so a retry can check whether it was shared. */
export const pendingUploadKey = (outboxId: number): string => `postmortem:outbox:${outboxId}`;
export const reminderMessageKey = (cycle: number, stage: number): string => `reminder:${cycle}:${stage}`;
/** The copy of a reminder posted in #incidents, under the incident's announcement. */
export const reminderThreadKey = (cycle: number, stage: number): string => `reminder:${cycle}:${stage}:incidents`;
