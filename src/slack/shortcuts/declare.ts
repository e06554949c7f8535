import type { App, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { declareModal } from '../blocks/declare-modal.js';
import { GLOBAL_SHORTCUTS } from '../capabilities.js';
import type { SlackDeps } from '../deps.js';

/** The "Declare incident" global shortcut opens the same modal as `/incident declare`. */
export function registerDeclareShortcut(app: App, deps: SlackDeps): void {
  app.shortcut<GlobalShortcut>(GLOBAL_SHORTCUTS.declare, async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & { client: App['client'] }) => {
    await ack();
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: declareModal({ commanderId: shortcut.user.id }, await deps.languages.textsOf(shortcut.user.id)) });
    } catch (err) {
      deps.logger.warn({ err }, 'declare shortcut could not open the modal');
    }
  });
}
