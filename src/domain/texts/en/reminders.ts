function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** Status-update reminders (in #incidents, under the announcement), their escalations and how each closed. */
export const reminders = {
  which: (n: number) => `the ${ordinal(n)} status update`,
  cadence: (severity: string, minutes: number) => `${severity}: every ${minutes} min`,
  dueNow: 'due now',
  late: (minutes: number) => `*${minutes} min late*`,
  /** Stage 1, to the commander. */
  due: (commander: string, which: string, title: string, when: string, cadence: string, lateness: string) =>
    `${commander}, ${which} for ${title} was due ${when} (${cadence}), ${lateness}.`,
  duePlain: (incident: string, n: number) => `${incident}: status update #${n} is due (reminder)`,
  /** Stage 2, to everyone here, naming the comms lead. */
  escalated: (which: string, title: string, when: string, cadence: string, lateness: string, commander: string, comms: string) =>
    `${which} for ${title} is still missing: it was due ${when} (${cadence}), ${lateness}.\n` +
    `Commander ${commander}; communications lead: ${comms}. Can someone post it?`,
  noCommsLead: 'no communications lead is assigned',
  escalatedPlain: (incident: string, n: number) => `${incident}: status update #${n} is overdue (escalated)`,
  /** Stage 3, the overdue notice. */
  overdue: (title: string, which: string, when: string, cadence: string, lateness: string, commander: string, where: string) =>
    `${title}: ${which} is overdue — it was due ${when} (${cadence}), ${lateness}. Commander ${commander}. Follow along in ${where}.`,
  itsChannel: 'its channel',
  overduePlain: (incident: string, n: number) => `${incident}: status update #${n} overdue`,
  answered: (person: string, when: string) => `Answered: ${person} posted the update ${when}.`,
  answeredLate: (person: string, when: string, minutes: number) => `Answered: ${person} posted the update ${when} (${minutes} min late).`,
  severityChanged: (person: string, severity: string) => `${person} changed the severity to ${severity}.`,
  severityChangedNext: (person: string, severity: string, when: string) => `${person} changed the severity to ${severity}; next update due ${when}.`,
  resolved: (person: string, when: string) => `${person} resolved the incident ${when}; no more updates are due.`,
  answeredPlain: (title: string) => `${title}: reminder answered`,
  snooze: (minutes: number, left: number) => `Snooze ${minutes} min (${left} left)`,
  snoozesLeft: (left: number, limit: number) => `Snoozes left this cycle: ${left} of ${limit}.`,
  snoozed: (person: string, until: string) => `Snoozed by ${person} until ${until}.`,
};
