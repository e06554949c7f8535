/** `/incident help`: per subcommand, its arguments (after the name) and what it does. */
export const help = {
  heading: (command: string) => `*${command}* — incident coordination`,
  fallback: (command: string, names: string) => `${command} commands: ${names}`,
  /** How the other language's name of a subcommand is shown beside its own. */
  alsoNamed: (name: string) => `also \`${name}\``,
  subcommands: {
    declare: { args: '[sev1|sev2|sev3] [title]', does: 'Declare an incident (opens a form, prefilled)' },
    update: { args: '', does: 'Post a status update (opens a form)' },
    severity: { args: '<sev1|sev2|sev3>', does: 'Change the severity and its update cadence' },
    status: { args: '<investigating|identified|monitoring>', does: 'Change the status' },
    assign: { args: '<commander|comms|scribe> @user', does: 'Assign a role' },
    note: {
      args: '[time] <text>',
      does: 'Add a note to the timeline; a leading `14:23`, `yesterday 23:50` or `2024-11-22 14:23` (your zone) says when it happened',
    },
    timeline: { args: '[add|<page>]', does: 'Show the timeline, edit or remove entries; `add` opens a form for an entry with a milestone' },
    scenario: { args: '<database|redis|deploy|overload|other>', does: 'Change the scenario; the postmortem draft follows its template' },
    resolve: { args: '', does: 'Resolve the incident (opens a form)' },
    reopen: { args: '', does: 'Reopen a resolved incident' },
    checklist: { args: '', does: 'Show the incident\'s checklists, only to you, with Done, Skip, Assign and Undo' },
    task: { args: '<text> [@person]', does: 'Add an item to the incident\'s own Tasks checklist, assigned when you name someone' },
    runbook: { args: '[<id>]', does: 'Attach a runbook by its id; alone, list the runbooks' },
    followup: { args: '[title]', does: 'Add action items for the postmortem (opens a form, the title filled in)' },
    followups: { args: '', does: 'List the action items with owner and due date; mark them done' },
    postmortem: {
      args: '[en|ko] [internal|external]',
      does: 'Write the postmortem draft (internal, or external for customers) again; it replaces the current one in the channel',
    },
    list: { args: '', does: 'List open incidents' },
    insights: {
      args: '[7d|28d|90d] [sev1|sev2|sev3]',
      does: 'Time to detect, acknowledge, mitigate and resolve per severity, people and follow-ups (default the last 28 days), only to you',
    },
    help: { args: '', does: 'Show this help' },
  },
};
