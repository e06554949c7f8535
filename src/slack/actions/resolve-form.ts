import type { App, BlockButtonAction } from '@slack/bolt';
import { readResolveMetadata, resolveModal } from '../blocks/resolve-modal.js';
import { formTexts } from '../blocks/view-state.js';
import { platformError } from '../delivery/slack-errors.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';

/**
 * [Add another action item] in the resolve modal: the same form with one more row, through
 * `views.update` with the view's hash, keeping everything entered so far. A hash conflict means the
 * form changed meanwhile (a second click already added the row): that one stands. The form stays
 * in the language it was opened in.
 */
export function registerResolveFormActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.addActionItemRow, async ({ ack, body, client }) => {
    await ack();
    const logger = deps.logger.child({ action: ACTION_ID.addActionItemRow, user: body.user.id });
    try {
      const view = body.view;
      const metadata = readResolveMetadata(view?.private_metadata);
      const incident = metadata ? await deps.incidents.find(metadata.incidentId) : undefined;
      if (!view || !metadata || !incident) return void logger.warn('a row was asked for on a form that is not a resolve form');
      const next = resolveModal({ incident, rows: metadata.rows + 1, entered: view.state.values, openChecklistItems: await deps.checklists.openCount(incident.id) }, formTexts(view.private_metadata));
      await client.views.update({ view_id: view.id, hash: view.hash, view: next });
    } catch (err) {
      if (platformError(err) === 'hash_conflict') logger.info('the form changed meanwhile; its newer version stands');
      else logger.warn({ err }, 'could not add an action-item row');
    }
  });
}
