import { incidentRef } from '../../../domain/incident.js';
import type { Locale, Variant } from '../../../domain/postmortem/index.js';
import { isLocale, isVariant } from '../../../services/postmortem-service.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError } from '../../replies.js';
import { type Subcommand, inIncidentChannel } from './context.js';

const USAGE = 'postmortem [en|ko] [internal|external]';

/** The words after `postmortem`, in any order; each at most once. Undefined when something else was typed. */
export function parseDraftWords(args: string): { locale?: Locale; variant?: Variant } | undefined {
  const request: { locale?: Locale; variant?: Variant } = {};
  for (const word of args.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (isLocale(word) && !request.locale) request.locale = word;
    else if (isVariant(word) && !request.variant) request.variant = word;
    else return undefined;
  }
  return request;
}

/**
 * `/incident postmortem [en|ko] [internal|external]`: writes the draft again from what is recorded
 * now; it replaces the channel's current draft of that language and variant.
 */
export const postmortem: Subcommand = (ctx) =>
  inIncidentChannel(ctx, USAGE, async (incident) => {
    const request = parseDraftWords(ctx.args);
    if (!request) {
      return ephemeralError(ctx.texts.commandReplies.postmortemUsage(`${SLASH_COMMAND} ${USAGE}`));
    }
    const variant = request.variant ?? 'internal';
    await ctx.deps.postmortems.requestPublish(incident.id, ctx.command.user_id, { locale: request.locale, variant });
    const said = ctx.texts.commandReplies;
    return ephemeral((variant === 'external' ? said.rewritingExternalDraft : said.rewritingDraft)(incidentRef(incident.id)));
  });
