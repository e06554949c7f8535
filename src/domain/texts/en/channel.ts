/**
 * The incident's long-lived channel messages: the card pinned in its channel, the #incidents
 * announcement, a posted status update, the postmortem draft's message, and the wording they share.
 */
export const channel = {
  drillTag: '[DRILL]',
  drillMarker: ':construction: *DRILL* — this is an exercise, not a real incident.',
  drillShort: ':construction: *DRILL*',
  /** A severity that ran worse than it is: once resolved, and while open. */
  peakAtResolution: (peak: string, final: string) => `${peak} peak, ${final} at resolution`,
  peakWhileOpen: (final: string, peak: string) => `${final} now, ${peak} peak`,
  unassigned: 'unassigned',
  buttons: {
    postUpdate: 'Post update',
    resolve: 'Resolve',
    reopen: 'Reopen',
  },
  card: {
    status: 'Status',
    commsLead: 'Comms lead',
    declared: 'Declared',
    resolved: 'Resolved',
    nextUpdateDue: 'Next update due',
    impactMissing: 'not described yet',
    resolvedFooter: 'Resolved. `/incident reopen` if it comes back.',
    cadence: (minutes: number) => `Status update every ${minutes} min.`,
    helpFooter: '`/incident help` for commands.',
  },
  announcement: {
    channelBeingCreated: 'channel being created',
    join: (channel: string) => `join ${channel}`,
    commander: (person: string) => `Commander ${person}`,
    declaredAt: (when: string) => `Declared ${when}`,
    resolvedAt: (when: string) => `Resolved ${when}`,
    nextUpdate: (when: string) => `Next update ${when}`,
    drill: '*DRILL*, not a real incident',
    postmortemDraft: 'Postmortem draft',
    postmortemInChannel: 'Postmortem draft uploaded in the incident channel',
    privateDeclared: (severity: string, when: string) => `A private *${severity}* incident was declared ${when}.`,
    privateResolved: 'It is resolved.',
    privateOpen: 'It is being handled.',
    privateCommander: (person: string) => `Commander: ${person}.`,
    privateFallback: (severity: string) => `A private ${severity} incident was declared`,
  },
  statusUpdate: {
    heading: 'Status update',
    from: (person: string, when: string) => `from ${person} · ${when}`,
    notGiven: 'not given',
    summary: 'Summary / next steps',
    nextUpdateDue: (when: string) => `Next update due ${when}`,
    fallback: (incident: string, status: string, severity: string) => `${incident} update: ${status}, ${severity}`,
  },
  draft: {
    internal: 'Postmortem draft',
    external: 'Customer-facing postmortem draft',
    language: { en: 'English', ko: 'Korean' },
    version: (version: number, when: string, file: string) => `*Version ${version}*, written ${when} from the timeline: ${file}.`,
    externalNote: 'For customers: plain words, no internal names, channels or links. Read it through before sending it out.',
    internalNote: 'Fill in the prompts, then share it. `/incident postmortem` writes it again; the new version replaces this one here.',
    earlier: 'Earlier versions',
    older: (count: number) => `…and ${count} older`,
    fallback: (kind: string, title: string, version: number) => `${kind} for ${title}, version ${version}`,
  },
};
