/**
 * What a subcommand answers the person who typed it, ephemerally. `usage` is the command's syntax
 * as typed (`/incident severity <sev1|sev2|sev3>`); `ref` an incident's reference (INC-42).
 */
export const commandReplies = {
  reopened: (ref: string, minutes: number) => `${ref} is open again and back to investigating. The next status update is due in ${minutes} minutes.`,
  severityUsage: (usage: string) => `Say which severity: \`${usage}\`, for example \`/incident severity sev1\`.`,
  severityChanged: (ref: string, severity: string, minutes: number) => `${ref} is now ${severity}. Status updates are due every ${minutes} minutes.`,
  statusUsage: (usage: string) => `Say which status: \`${usage}\`.`,
  statusResolveHint: 'To resolve the incident, use `/incident resolve`: it asks for the resolution summary.',
  statusChanged: (ref: string, status: string) => `${ref} is now ${status.toLowerCase()}.`,
  scenarioUsage: (usage: string) => `Say which scenario: \`${usage}\`, for example \`/incident scenario deploy\` for an incident fixed by a rollback.`,
  scenarioChanged: (ref: string, scenario: string) => `${ref} is now a ${scenario.toLowerCase()}; the postmortem draft follows its template.`,
  assignUsage: (usage: string) => `Say which role and who: \`${usage}\`, for example \`/incident assign comms @alex\`.`,
  roleAssigned: (userId: string, role: string, ref: string) => `<@${userId}> is now ${role.toLowerCase()} of ${ref}.`,
  taskUsage: (usage: string) => `Say what is to be done: \`${usage}\`, for example \`/incident task Page the DBA on call @dana\`.`,
  taskAdded: (ref: string, task: string) => `Added to ${ref}'s Tasks: ${task}.`,
  taskAddedAssigned: (ref: string, task: string, assigneeId: string) => `Added to ${ref}'s Tasks: ${task}, assigned to <@${assigneeId}>.`,
  noRunbooks: 'No runbooks are loaded (RUNBOOKS_DIR).',
  runbookList: (usage: string, lines: string) => `Runbooks (\`${usage}\` attaches one):\n${lines}`,
  runbookIsAttached: '_(attached)_',
  /** Rich text: `title` is a bold text element, shown as written. */
  runbookAttached: (title: string, ref: string) => `Attached ${title} to ${ref}; its checklist follows in the channel.`,
  noChecklist: (ref: string) => `${ref} has no checklist. \`/incident runbook\` lists the runbooks to attach.`,
  checklistsOnlyToYou: (ref: string) => `${ref}'s checklists, only to you:`,
  checklistsLeftOut: (ref: string, count: number) =>
    `${count === 1 ? '1 more checklist message' : `${count} more checklist messages`} of ${ref} did not fit here (Slack takes five answers to a command): ` +
    'every checklist is pinned in this channel.',
  postmortemUsage: (usage: string) =>
    `Say which draft: \`${usage}\`, in any order, for example \`/incident postmortem ko external\` for the customer-facing draft in Korean. ` +
    'Without words it is the internal draft in the default language.',
  rewritingDraft: (ref: string) => `Writing the ${ref} postmortem draft again; it replaces the current one here in a moment.`,
  rewritingExternalDraft: (ref: string) => `Writing the ${ref} customer-facing postmortem draft again; it replaces the current one here in a moment.`,
  timelineUsage: (latest: string, page2: string, add: string) =>
    `Type \`${latest}\` for the latest entries, \`${page2}\` for page 2, or \`${add}\` to add an entry.`,
  followupTitleTooLong: (max: number, usage: string) => `A follow-up's title is at most ${max} characters. Shorten it and run \`${usage}\` again.`,
  insightsUsage: (usage: string, example: string) => `Type \`${usage}\`, e.g. \`${example}\`.`,
  insightsUnavailable: 'Insights are not available here.',
  insightsCounting: ':hourglass_flowing_sand: Counting: the database is slower than usual. The figures follow here.',
  noteUsage: (usage: string) => `Write the note after the command: \`${usage}\`.`,
  noted: 'Noted in the timeline.',
  notedAt: (when: string, readIn: string) => `Noted in the timeline at ${when}, ${readIn}.`,
  readInYourZone: (zone: string) => `read in your time zone (${zone})`,
  readAs: (zone: string) => `read as ${zone}`,
  zoneUnknown: 'Slack could not tell me your time zone just now. If you meant another zone, correct the time.',
  noteTextMissing: (time: string) => `Write what happened after the time: \`/incident note ${time} <what happened>\`.`,
  noteTimeUnreadable: (written: string, forms: string) => `${written} is not a time I can read. Start the note with a 24-hour time: ${forms}.`,
  noteTimeForms: (today: string, yesterday: string, date: string) => `\`${today}\`, \`${yesterday}\` or \`${date}\``,
  noteInFuture: (written: string, now: string, readIn: string) => `${written} is later than now (${now}, ${readIn}): a note records what has happened.`,
  noteForYesterday: (usage: string) => `For yesterday, type \`${usage}\`.`,
  noteRecordNowOffer: 'Or record it at the current time with *Record it now*.',
};
