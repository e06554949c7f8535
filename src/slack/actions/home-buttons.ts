import type { App, BlockButtonAction } from '@slack/bolt';
import { declareModal } from '../blocks/declare-modal.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';

/** [Declare incident] on App Home: the declare modal, as from `/incident declare`. */
export function registerHomeButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.homeDeclare, async ({ ack, body, client }) => {
    await ack();
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: declareModal({ commanderId: body.user.id }, await deps.languages.textsOf(body.user.id)) });
    } catch (err) {
      // Home has no response URL to answer on; the modal simply does not open, as in Slack when it fails.
      deps.logger.warn({ err }, 'App Home could not open the declare modal');
    }
  });
}
