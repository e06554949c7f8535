/** Keys of an incident's long-lived Slack messages in `slack_messages`. */
export const CARD_KEY = 'card';
export const ANNOUNCEMENT_KEY = 'announcement';
/** The newest internal postmortem file (`ts` holds its id) and its permalink (`ts` holds the URL), for the announcement. */
export const POSTMORTEM_FILE_KEY = 'postmortem';
export const POSTMORTEM_LINK_KEY = 'postmortem_link';
/** The channel's one message for a draft of this language and variant, edited as versions follow. */
export const draftMessageKey = (locale: string, variant: string): string => `postmortem:${locale}:${variant}`;
export const reminderMessageKey = (cycle: number, stage: number): string => `reminder:${cycle}:${stage}`;
/** The copy of a reminder posted in #incidents, under the incident's announcement. */
export const reminderThreadKey = (cycle: number, stage: number): string => `reminder:${cycle}:${stage}:incidents`;
/** The messages of one attached runbook's checklist, from part 0 (several when it is long). */
export const checklistMessageKey = (attachmentId: number, part: number): string => `checklist:${attachmentId}:${part}`;
