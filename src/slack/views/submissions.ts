import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { actionItemInput, CALLBACK_ID, DECLARE_INPUT, RESOLVE_INPUT, UPDATE_INPUT } from '../ids.js';
import { parseFollowupView } from '../blocks/followup-modal.js';
import { parseDeclareView } from '../blocks/declare-modal.js';
import { parseResolveView } from '../blocks/resolve-modal.js';
import { parseUpdateView } from '../blocks/update-modal.js';
import type { ParseResult } from '../blocks/view-state.js';
import { modalErrors } from '../replies.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A modal submission: parse, run the use case, and either close the modal or keep it open with
 * the error under its field, so nothing the person typed is lost.
 */
function submission<T>(
  deps: SlackDeps,
  parse: (args: ViewArgs) => ParseResult<T>,
  fallbackBlock: string,
  fieldBlocks: Record<string, string>,
  run: (value: T, userId: string) => Promise<unknown>,
) {
  return async (args: ViewArgs) => {
    const parsed = parse(args);
    if (!parsed.ok) {
      await args.ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    try {
      await run(parsed.value, args.body.user.id);
      await args.ack();
    } catch (err) {
      const errors = modalErrors(err, fallbackBlock, deps.logger.child({ view: args.view.callback_id, user: args.body.user.id }));
      const keyed = Object.fromEntries(Object.entries(errors).map(([field, msg]) => [fieldBlocks[field] ?? field, msg]));
      await args.ack({ response_action: 'errors', errors: keyed });
    }
  };
}

export function registerViewSubmissions(app: App, deps: SlackDeps): void {
  app.view(
    CALLBACK_ID.declare,
    submission(deps, ({ view }) => parseDeclareView(view), DECLARE_INPUT.title.block, { title: DECLARE_INPUT.title.block }, (value, userId) =>
      deps.incidents.declare({ ...value, declaredBy: userId }),
    ),
  );
  app.view(
    CALLBACK_ID.update,
    submission(deps, ({ view }) => parseUpdateView(view), UPDATE_INPUT.summary.block, { status: UPDATE_INPUT.status.block }, (value, userId) =>
      deps.incidents.postUpdate({
        incidentId: value.incidentId,
        authorId: userId,
        status: value.status,
        fields: { ...value.fields, summary: value.summary },
      }),
    ),
  );
  app.view(
    CALLBACK_ID.resolve,
    submission(deps, ({ view }) => parseResolveView(view, deps.clock.now()), RESOLVE_INPUT.summary.block, {}, (value, userId) => {
      const { incidentId, actionItems, ...resolution } = value;
      return deps.incidents.resolve(incidentId, userId, resolution, actionItems);
    }),
  );
  app.view(
    CALLBACK_ID.followup,
    submission(deps, ({ view }) => parseFollowupView(view, deps.clock.now()), actionItemInput(0, 'title').block, {}, (value, userId) =>
      deps.postmortems.addActionItems(value.incidentId, userId, value.items),
    ),
  );
}
