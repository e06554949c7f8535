import type { App, BlockButtonAction } from '@slack/bolt';
import { incidentIdFromButton } from '../button-values.js';
import { clickKey, requestDeps } from '../request-deps.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { incidentRef } from '../../domain/incident.js';
import { opensUpdateForm } from './incident-buttons.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { slackDate } from '../blocks/mrkdwn.js';
import { ephemeral, ephemeralError, errorReply, safeRespond } from '../replies.js';

/** [Post update] and [Snooze 10 min] on a status-update reminder. */
export function registerReminderButtons(app: App, deps: SlackDeps): void {
  // The modal for the incident's severity as it is now, submitted through the usual update view.
  app.action<BlockButtonAction>(ACTION_ID.reminderPostUpdate, opensUpdateForm(deps));

  app.action<BlockButtonAction>(ACTION_ID.reminderSnooze, async (args) => {
    await args.ack();
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const id = incidentIdFromButton(args.action.value);
      if (id === undefined || !deps.reminders) return void (await safeRespond(args, deps.logger)(ephemeralError(texts.buttonReplies.incidentGone)));
      const reminders = requestDeps(deps, clickKey(args)).reminders!;
      const { until, left } = await reminders.snooze(id, args.body.user.id);
      await safeRespond(args, deps.logger)(
        ephemeral(texts.buttonReplies.snoozed(incidentRef(id), slackDate(until, '{time}'), left)),
      );
    } catch (err) {
      if (!(err instanceof AlreadyApplied)) await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', texts));
    }
  });
}
