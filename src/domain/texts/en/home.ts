/** App Home: what one person sees on the bot's Home tab. */
export const home = {
  title: 'Incidents',
  declare: 'Declare incident',
  asOf: (when: string) => `As of ${when}`,
  openHeader: (count: number, atLeast = false) => `Open incidents (${count}${atLeast ? '+' : ''})`,
  noneOpen: ':white_check_mark: No open incidents.',
  commander: (who: string) => `commander ${who}`,
  nextUpdate: (when: string) => `Next update ${when}`,
  updateOverdue: ':rotating_light: *update overdue*',
  moreOpen: (count: number, search: string, atLeast = false) => `…and ${count}${atLeast ? '+' : ''} more, less severe or older: \`${search}\` finds one`,
  yoursHeader: 'Yours',
  moreYours: (count: number, atLeast = false) => `…and ${count}${atLeast ? '+' : ''} more where you hold a role, less severe or older`,
  noRole: 'You hold no role in an open incident.',
  followUpsHeader: 'Follow-ups assigned to you',
  noFollowUps: 'Nothing assigned to you.',
  due: (date: string) => `due ${date}`,
  /** Bold after a :warning: emoji (rich-text styles). */
  pastDue: 'past due',
  noDueDate: 'no due date',
  checklistHeader: 'My checklist items',
  noChecklistItems: 'No checklist item is assigned to you.',
  resolvedHeader: 'Recently resolved',
  noneResolved: 'Nothing resolved in the last 7 days.',
  resolvedAt: (when: string) => `resolved ${when}`,
  postmortemDraft: 'postmortem draft',
  insightsHeader: 'The last 28 days',
  /** How the app presents itself in the local workspace's page. */
  face: {
    appName: 'Incident Bot',
    commandDescription: 'Incident coordination',
    addToTimeline: 'Add to incident timeline',
  },
};
