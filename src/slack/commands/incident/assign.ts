import { incidentRef, ROLES, type Role } from '../../../domain/incident.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'assign <commander|comms|scribe> @user';
const MENTION = /^<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>$/;

export const assign: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const [roleText = '', who = '', ...extra] = ctx.args.split(/\s+/);
    const role = roleText.toLowerCase() as Role;
    const userId = MENTION.exec(who)?.[1];
    if (!ROLES.includes(role) || !userId || extra.length > 0) {
      return ephemeralError(ctx.texts.commandReplies.assignUsage(`${SLASH_COMMAND} ${USAGE}`));
    }
    const changed = await ctx.deps.incidents.assignRole(incident.id, ctx.command.user_id, role, userId);
    return ephemeral(ctx.texts.commandReplies.roleAssigned(userId, ctx.texts.terms.role[role], incidentRef(changed.id)));
  });
