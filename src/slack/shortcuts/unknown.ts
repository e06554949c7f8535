import type { AnyMiddlewareArgs, App } from '@slack/bolt';
import { z } from 'zod';
import { GLOBAL_SHORTCUTS, MESSAGE_SHORTCUTS } from '../capabilities.js';
import type { SlackDeps } from '../deps.js';

const shortcutBody = z.object({ type: z.enum(['shortcut', 'message_action']), callback_id: z.unknown() }).loose();
const KNOWN: ReadonlySet<unknown> = new Set<unknown>([...Object.values(GLOBAL_SHORTCUTS), ...Object.values(MESSAGE_SHORTCUTS)]);

function canAck(args: AnyMiddlewareArgs): args is AnyMiddlewareArgs & { ack: () => Promise<void> } {
  return 'ack' in args && typeof args.ack === 'function';
}

/**
 * A shortcut this app does not have (a callback id from an older manifest, or a forged one) is
 * acknowledged and dropped, instead of left for Slack to time out.
 */
export function ignoreUnknownShortcuts(app: App, deps: SlackDeps): void {
  app.use(async (args) => {
    const body = shortcutBody.safeParse(args.body);
    if (!body.success || KNOWN.has(body.data.callback_id) || !canAck(args)) return args.next();
    deps.logger.warn({ type: body.data.type }, 'shortcut with an unknown callback id ignored');
    await args.ack();
  });
}
