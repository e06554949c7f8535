import { timelineEntryModal } from '../../blocks/timeline-entry-modal.js';
import { pageCount, timelinePageMessage } from '../../blocks/timeline-page.js';
import { SLASH_COMMAND } from '../../capabilities.js';
import { ephemeral, ephemeralError, errorReply } from '../../replies.js';
import { type Subcommand, incidentHere, inIncidentChannel, openModal } from './context.js';

const USAGE = 'timeline [add | <page>]';

/**
 * `/incident timeline [page]`: the timeline, ephemeral, one page at a time (the latest page unless
 * a page is named). `/incident timeline add`: the timeline form, for something that happened
 * (at any time up to now, with a milestone if it marks one).
 */
export const timeline: Subcommand = async (ctx) => {
  const arg = ctx.args.toLowerCase();
  if (arg === 'add') return addEntry(ctx);
  if (arg !== '' && !/^\d{1,6}$/.test(arg)) {
    return ctx.ack(ephemeralError(ctx.texts.commandReplies.timelineUsage(`${SLASH_COMMAND} timeline`, `${SLASH_COMMAND} timeline 2`, `${SLASH_COMMAND} timeline add`)));
  }
  await inIncidentChannel(ctx, USAGE, async (incident) => {
    const view = await ctx.deps.timeline.view(incident.id, ctx.command.user_id);
    if (!view) return ephemeralError(ctx.texts.buttonReplies.incidentGone);
    const page = arg === '' ? pageCount(view.entries.length + view.messages.length) - 1 : Number(arg) - 1;
    const message = timelinePageMessage({ incident: view.incident, entries: view.entries, messages: view.messages, page, viewerId: ctx.command.user_id }, ctx.texts);
    return { ...ephemeral(''), ...message };
  });
};

const addEntry: Subcommand = async (ctx) => {
  try {
    const incident = await incidentHere(ctx, USAGE);
    if (incident) await openModal(ctx, timelineEntryModal(incident, ctx.texts));
  } catch (err) {
    await ctx.ack(errorReply(err, ctx.logger, '', ctx.texts));
  }
};
