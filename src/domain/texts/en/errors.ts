import type { IncidentAction } from '../../policy.js';

/**
 * Refusals of the domain (DomainError): what was asked breaks a rule, said to the person who asked.
 * `ref` is an incident's reference (INC-42); `<@U…>` mentions come as user ids.
 */
export const errors = {
  noSuchIncident: (ref: string) => `There is no ${ref}.`,
  noIncidentYouCanSee: (ref: string) => `There is no ${ref} you can see.`,
  resolvedReopenFirst: (ref: string) => `${ref} is resolved. Use \`/incident reopen\` first if it is back.`,
  stillOpen: (ref: string) => `${ref} is still open; only a resolved incident can be reopened.`,
  statusAlready: (status: string) => `The incident is already ${status.toLowerCase()}.`,
  cannotMove: (from: string, to: string) => `Cannot move from ${from.toLowerCase()} to ${to.toLowerCase()}.`,
  severityAlready: (ref: string, severity: string) => `${ref} is already ${severity}.`,
  scenarioAlready: (ref: string, scenario: string) => `${ref} is already a ${scenario.toLowerCase()}.`,
  roleHeldAlready: 'That person already holds that role.',
  noteMissing: 'Write the note after the command: `/incident note <text>`.',
  titleMissing: 'Give the incident a title.',
  impactInFuture: 'The impact cannot start in the future.',
  detectionInFuture: 'Detection cannot be in the future.',
  detectionBeforeImpact: 'Detection cannot come before the impact started.',
  timeInFuture: 'That time is in the future; the timeline records what has happened.',

  privateTimeline: (ref: string) => `${ref} is private: only its people and the members of its channel can read its timeline.`,
  entryGoneFrom: (ref: string) => `That entry is no longer on ${ref}'s timeline.`,
  entryGone: 'That entry is no longer on the timeline.',
  entryNotEditable: 'Only notes and entries people wrote can be edited.',
  entryTextMissing: 'Write what happened.',
  entryTextTooLong: (max: number) => `Keep it to ${max} characters or fewer.`,
  alertTrackedAlready: (ref: string) => `${ref} already tracks this alert.`,

  snoozeLimit: (limit: number) => `This reminder was already snoozed ${limit} times, the most allowed. Post the update now (or say why it is late in the channel).`,
  nothingToSnooze: (ref: string) => `${ref} has no reminder waiting to be snoozed.`,

  actionItemGone: 'That action item no longer exists.',
  actionItemDoneAlready: (title: string) => `"${title}" is already done.`,
  actionItemTitleMissing: 'Add at least one action item with a title.',

  checklistGone: 'That checklist no longer exists.',
  stepGone: 'That checklist step no longer exists.',
  stepChangedMeanwhile: 'Someone changed that step at the same moment; the checklist shows it now.',
  stepDoneAlready: (by: string) => `That step is already done (by <@${by}>).`,
  stepSkippedAlready: (by: string) => `That step is already skipped (by <@${by}>).`,
  stepStillOpen: 'That step is still open.',
  skipReasonMissing: 'Say why the step is skipped.',
  stepAssignedAlready: (userId: string) => `<@${userId}> has that step already.`,
  taskMissing: 'Write the task after the command: `/incident task <text> [@person]`.',
  taskTooLong: (max: number) => `A task is at most ${max} characters.`,
  noSuchRunbook: (id: string) => `There is no runbook \`${id}\`. \`/incident runbook\` lists them.`,
  runbookAttachedAlready: (ref: string, id: string) => `${ref} has the runbook \`${id}\` already.`,

  periodNotIso: 'from and to must be ISO 8601 times.',
  periodBackwards: 'to must be later than from.',
  periodTooLong: (days: number) => `A period may span ${days} days at most.`,

  /** Who may do what (src/domain/policy.ts): `action` is one of `actions`, said of the incident. */
  onlyLeads: (commanderId: string, action: string) =>
    `Only the commander (<@${commanderId}>), the incident's comms lead and scribe, workspace admins and responders can ${action}.`,
  onlyMembers: (ref: string, action: string) => `Only members of ${ref}'s channel and its leads can ${action}.`,
  actions: {
    post_update: (ref: string) => `post status updates for ${ref}`,
    add_note: (ref: string) => `add notes to ${ref}`,
    add_followup: (ref: string) => `add follow-ups to ${ref}`,
    snooze: (ref: string) => `snooze reminders of ${ref}`,
    regenerate_postmortem: (ref: string) => `write the postmortem draft of ${ref}`,
    change_scenario: (ref: string) => `change the scenario of ${ref}`,
    resolve: (ref: string) => `resolve ${ref}`,
    reopen: (ref: string) => `reopen ${ref}`,
    change_severity: (ref: string) => `change the severity of ${ref}`,
    change_status: (ref: string) => `change the status of ${ref}`,
    assign_role: (ref: string) => `hand over roles in ${ref}`,
    tick_checklist: (ref: string) => `work the checklists of ${ref}`,
    attach_runbook: (ref: string) => `attach runbooks to ${ref}`,
  } satisfies Record<IncidentAction, (ref: string) => string>,
  onlyAuthorOrCommander: (ref: string, commanderId: string) =>
    `Only the person who wrote an entry and ${ref}'s commander (<@${commanderId}>) can edit or remove it.`,
  onlyOwnerOrCommander: (ownerId: string, commanderId: string) =>
    `Only its owner (<@${ownerId}>) or the commander (<@${commanderId}>) can mark this action item done.`,
  onlyCommanderMarksDone: (commanderId: string) => `Only the commander (<@${commanderId}>) can mark this action item done.`,
};
