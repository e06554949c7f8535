/** `/incident insights`, the figures on App Home, and the weekly digest in #incidents with its chart. */
export const insights = {
  phase: { detect: 'detect', acknowledge: 'acknowledge', mitigate: 'mitigate', resolve: 'resolve' },
  /** 12m, 2h 5m, 1d 3h. */
  minutes: (m: number) => `${m}m`,
  hours: (h: number) => `${h}h`,
  hoursMinutes: (h: number, m: number) => `${h}h ${m}m`,
  days: (d: number) => `${d}d`,
  daysHours: (d: number, h: number) => `${d}d ${h}h`,
  heading: (days: number) => `*Insights, the last ${days} days* (the ${days} days before in brackets)`,
  severityHead: (sev: string, resolved: number, before: number, open: number, drills: number) =>
    `*${sev}* · ${resolved} resolved (${before}) · ${open} open · ${drills} drills`,
  noneResolved: 'No incident resolved.',
  phaseNone: 'no incident had it',
  phaseFigures: (n: number, median: string, p90: string) => `n ${n} · median ${median} · p90 ${p90}`,
  was: (median: string) => `(was ${median})`,
  legend: 'Medians and 90th percentiles of minutes, per peak severity; the strip puts each incident on a scale from a minute to a day. Drills and open incidents stay out of durations.',
  fallback: (days: number, totals: string) => `Insights, the last ${days} days: ${totals} resolved.`,
  people: (responders: number, hours: number, sleep: number, woken: number) =>
    `*People:* ${responders} responders, ${hours} h on incidents, ${sleep} h of it in sleep hours; ${woken} woken.`,
  followUps: (onTime: number, late: number, overdue: number, open: number) =>
    `*Follow-ups:* ${onTime} done on time, ${late} late, ${overdue} overdue, ${open} open.`,
  repeats: (list: string) => `*Repeats:* ${list}`,
  repeatsMore: (count: number) => `and ${count} more`,
  /** Why incidents count as repeats; the scenario is its key (`database`), as runbooks write it. */
  repeat: {
    alertGroup: (scenario: string, group: string) => `same scenario (${scenario}) and alert group ${group}`,
    word: (scenario: string, word: string) => `same scenario (${scenario}) and the word "${word}" in their titles`,
    hiddenWord: (scenario: string) => `same scenario (${scenario}) and a word in their titles`,
  },
  home: {
    line: (sev: string, resolved: number, open: number) => `*${sev}* ${resolved} resolved, ${open} open`,
    timing: (median: string, p90: string) => `time to resolve median ${median}, p90 ${p90}`,
    more: '`/incident insights` for every phase.',
  },
  /** luxon's format of a day in the digest and its chart. */
  dayFormat: 'yyyy-MM-dd',
  digest: {
    heading: (to: string) => `:bar_chart: *Weekly insights* to ${to}`,
    empty: (days: number) => `No incidents in the last ${days} days.`,
    fallback: (summary: string) => `Weekly insights: ${summary}`,
  },
  chart: {
    title: (from: string, to: string) => `Time to resolve, ${from} – ${to}`,
    axis: 'time to resolve (minutes, log scale)',
    thisPeriod: 'this period',
    periodBefore: 'period before',
  },
};
