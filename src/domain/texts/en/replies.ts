/** Ephemeral replies and refusals that any command may give. */
export const replies = {
  arrivedIncomplete: 'This command arrived without its user, channel or trigger, so nothing was done. Run it again from Slack.',
  unknownSubcommand: (typed: string, known: string, help: string) => `\`${typed}\` is not a command I know. Try one of: ${known}, or \`${help}\`.`,
  notInIncidentChannel: (usage: string, list: string) => `\`${usage}\` works in an incident's channel. Run it there, or use \`${list}\` to find the channel.`,
  stillWorking: ':hourglass_flowing_sand: Working on it: this is taking longer than usual (the database or Slack is slow). The result follows here.',
  done: 'Done.',
  doneAlready: 'That was done already.',
  somethingWentWrong:
    'Something went wrong on our side and nothing was changed. Try again in a moment; if it keeps failing, tell whoever runs the incident bot.',
  savingFailed: 'Saving failed on our side and nothing was changed. Submit again in a moment.',
  typedToCopy: 'What you typed, to copy:',
  typedToCopyNothingSaved: 'What you typed, to copy (nothing was saved):',
  formNotOpened: 'Slack did not let me open the form in time. Run the command again.',
};
