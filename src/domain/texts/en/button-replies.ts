/** What a button, menu or shortcut answers the person who used it, ephemerally; and its own labels. */
export const buttonReplies = {
  incidentGone: 'That incident no longer exists.',
  alertGone: 'That alert is no longer known here.',
  noteButtonOutOfDate: 'That button is out of date. Run `/incident timeline` to find the entry.',
  timelineButtonOutOfDate: 'That button is out of date. Run `/incident timeline` again.',
  timelineMenuOutOfDate: 'That menu is out of date. Run `/incident timeline` again.',
  entryRemoved: 'Removed from the timeline. The removal is recorded, and the postmortem draft leaves the entry out.',
  correctTheTime: 'Correct the time',
  recordItNow: 'Record it now',
  notedNow: (when: string) => `Noted in the timeline at ${when}, the time you clicked *Record it now*.`,
  notedAlready: 'That note is on the timeline already: *Record it now* records it once.',
  snoozed: (ref: string, when: string, left: number) =>
    `Snoozed: the next reminder for ${ref} comes at ${when} at the earliest. ${left} snooze${left === 1 ? '' : 's'} left this cycle.`,
  messageUnreadable: 'That message cannot be read; nothing was added.',
  pinned: (ref: string) => `Added to ${ref}'s timeline, at the time it was posted.`,
  pinnedAlready: (ref: string) => `That message is on ${ref}'s timeline already.`,
};
