import type { App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { severityForLabel } from '../../domain/alerts/rules.js';
import { incidentRef } from '../../domain/incident.js';
import { declareModal } from '../blocks/declare-modal.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { errorReply, ephemeralError, safeRespond } from '../replies.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & { client: App['client'] };

/** [Declare incident] on an alert in #incidents: the declare modal, filled in from the alert. */
export function registerAlertButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.declareFromAlert, async (args: ButtonArgs) => {
    await args.ack();
    const respond = safeRespond(args, deps.logger);
    const texts = await deps.languages.textsOf(args.body.user.id);
    try {
      const alertId = /^\d{1,15}$/.test(args.action.value ?? '') ? Number(args.action.value) : undefined;
      const found = alertId === undefined || !deps.alerts ? undefined : await deps.alerts.posted(alertId);
      if (!found) return await respond(ephemeralError(texts.buttonReplies.alertGone));
      if (found.trackedBy !== undefined) {
        return await respond(ephemeralError(texts.errors.alertTrackedAlready(incidentRef(found.trackedBy))));
      }
      const { alert } = found;
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: declareModal({
          commanderId: args.body.user.id,
          title: alert.title,
          severity: severityForLabel(alert.labels.severity),
          impact: `${texts.notices.alert.from(alert.sourceName)}: ${alert.title}`,
          alertId: alert.id,
        }, texts),
      });
    } catch (err) {
      await respond(errorReply(err, deps.logger, '', texts));
    }
  });
}
