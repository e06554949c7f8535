import type { App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { assertChangeable, type Incident } from '../../domain/incident.js';
import { AlreadyApplied } from '../../services/incident-transaction.js';
import { incidentIdFromButton } from '../button-values.js';
import { clickKey, requestDeps } from '../request-deps.js';
import { resolveModal } from '../blocks/resolve-modal.js';
import { updateFormFor } from '../views/update-form.js';
import type { Texts } from '../../domain/texts/index.js';
import type { SlackDeps } from '../deps.js';
import { ACTION_ID } from '../ids.js';
import { errorReply, ephemeralError, safeRespond } from '../replies.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & { client: App['client'] };

/** The card's and the reminder's buttons carry the incident id as their value. */
async function incidentOf(args: ButtonArgs, deps: SlackDeps): Promise<Incident | undefined> {
  const id = incidentIdFromButton(args.action.value);
  const incident = id === undefined ? undefined : await deps.incidents.find(id);
  if (!incident) await safeRespond(args, deps.logger)(ephemeralError((await deps.languages.textsOf(args.body.user.id)).buttonReplies.incidentGone));
  return incident;
}

/** A form on the incident, in the language of the person who clicked. */
function opensModal(deps: SlackDeps, build: (incident: Incident, texts: Texts) => ModalView | Promise<ModalView>) {
  return async (args: ButtonArgs) => {
    await args.ack();
    // Asked alongside the incident: the trigger expires 3 s after the click.
    const texts = deps.languages.textsOf(args.body.user.id);
    try {
      const incident = await incidentOf(args, deps);
      if (!incident) return;
      assertChangeable(incident);
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: await build(incident, await texts) });
    } catch (err) {
      await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', await deps.languages.textsOf(args.body.user.id)));
    }
  };
}

/** [Post update], on the card and on a reminder: the update form, starting from the last update. */
export const opensUpdateForm = (deps: SlackDeps) => opensModal(deps, (incident, texts) => updateFormFor(incident, deps, texts));

export function registerIncidentButtons(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_ID.openUpdate, opensUpdateForm(deps));
  app.action<BlockButtonAction>(ACTION_ID.openResolve, opensModal(deps, async (incident, texts) => resolveModal({ incident, openChecklistItems: await deps.checklists.openCount(incident.id) }, texts)));
  app.action<BlockButtonAction>(ACTION_ID.reopen, async (args) => {
    await args.ack();
    try {
      const incident = await incidentOf(args, deps);
      // Once per click: a replayed click reopens nothing twice.
      if (incident) await requestDeps(deps, clickKey(args)).incidents.reopen(incident.id, args.body.user.id);
    } catch (err) {
      if (!(err instanceof AlreadyApplied)) await safeRespond(args, deps.logger)(errorReply(err, deps.logger, '', await deps.languages.textsOf(args.body.user.id)));
    }
  });
}
