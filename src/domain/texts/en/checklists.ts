/** A runbook's checklist in the incident channel: its items, their states and buttons. */
export const checklists = {
  title: (runbook: string) => `Checklist: ${runbook}`,
  progress: (done: number, total: number) => `${done} of ${total} done or skipped`,
  drill: '*DRILL* — an exercise',
  assignedTo: (person: string) => `assigned to ${person}`,
  doneBy: (person: string, when: string) => `done by ${person} ${when}`,
  skippedBy: (person: string, reason: string) => `skipped by ${person}: _${reason}_`,
  forRole: (role: string) => `for the ${role.toLowerCase()}`,
  due: (when: string) => `due ${when}`,
  runbookLink: 'Runbook link',
  done: 'Done',
  skip: 'Skip…',
  assign: 'Assign',
  undo: 'Undo',
};
