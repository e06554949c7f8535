/** A runbook's checklist in the incident channel: its items, their states and buttons. */
export const checklists = {
  title: (runbook: string) => `Checklist: ${runbook}`,
  /** The incident's own checklist, made by `/incident task` and alerts' runbook links. */
  tasks: 'Tasks',
  /** A step the bot adds to Tasks for an alert's own runbook link. */
  followAlertRunbook: (alert: string) => `Follow the alert's runbook: ${alert}`,
  progress: (done: number, total: number) => `${done} of ${total} done or skipped`,
  drill: '*DRILL* — an exercise',
  assignedTo: (person: string) => `assigned to ${person}`,
  doneBy: (person: string, when: string) => `done by ${person} ${when}`,
  skippedBy: (person: string, reason: string) => `skipped by ${person}: ${reason}`,
  forRole: (role: string) => `for the ${role.toLowerCase()}`,
  due: (when: string) => `due ${when}`,
  runbookLink: 'Runbook link',
  done: 'Done',
  skip: 'Skip…',
  assign: 'Assign',
  undo: 'Undo',
};
