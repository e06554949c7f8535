import type { DateTime } from 'luxon';
import type { Status } from '../incident.js';
import { conversationEntries, type ConversationEntry } from '../conversation.js';
import { CONVERSATION_KINDS, DELIVERY_RECORD_KINDS, type Milestone, type TimelineEvent } from '../timeline.js';
import { currentTimeline, firstMilestone } from '../timeline-corrections.js';
import type { KeyMoment } from './i18n.js';
import { computeMetrics } from './metrics.js';
import type { PostmortemInput } from './model.js';

/**
 * One line of the Timeline section. `event` is null for key moments with no event of their own
 * and for a message of the conversation (`message`).
 */
export interface TimelineEntry {
  at: DateTime;
  event: TimelineEvent | null;
  markers: KeyMoment[];
  message?: ConversationEntry;
}

/**
 * Events in time order (ties by id), as corrected since (see currentTimeline), plus lines for key
 * moments no event stands for. A moment marked as a milestone on an entry is marked on that entry.
 */
export function timelineEntries(input: PostmortemInput, metrics = computeMetrics(input)): TimelineEntry[] {
  const events = currentTimeline(input.timeline).filter((e) => !DELIVERY_RECORD_KINDS.has(e.kind) && !CONVERSATION_KINDS.has(e.kind));
  const entries: TimelineEntry[] = events.map((event) => ({ at: event.occurredAt, event, markers: [] }));
  const byEvent = (e: TimelineEvent | undefined): TimelineEntry | undefined =>
    e ? entries.find((x) => x.event === e) : undefined;

  const toStatus = (status: Status): TimelineEvent | undefined =>
    events.find((e) => e.kind === 'status_changed' && e.data['to'] === status);
  const lastResolved = [...events].reverse().find((e) => e.kind === 'resolved');
  const marked = (milestone: Milestone): TimelineEvent | undefined => firstMilestone(events, milestone);

  const synthetic: { entry: TimelineEntry; rank: number }[] = [];
  const atInstant = (moment: KeyMoment, at: DateTime | null | undefined, rank: number): void => {
    if (!at) return;
    const same = entries.find((x) => x.at.toMillis() === at.toMillis());
    if (same) same.markers.push(moment);
    else synthetic.push({ entry: { at, event: null, markers: [moment] }, rank });
  };

  atInstant('started', input.incident.startedAt, 0);
  const detected = marked('detected');
  if (detected) byEvent(detected)?.markers.push('detection');
  else atInstant('detection', input.incident.detectedAt, 1);
  byEvent(events.find((e) => e.kind === 'declared'))?.markers.push('declaration');
  byEvent(marked('acknowledged'))?.markers.push('acknowledgement');
  byEvent(marked('identified') ?? toStatus('identified'))?.markers.push('identified');
  byEvent(marked('mitigated') ?? toStatus('monitoring'))?.markers.push('mitigation');
  const recovered = marked('recovered');
  if (recovered) byEvent(recovered)?.markers.push('recovery');
  else atInstant('recovery', input.resolution?.recoveredAt, 2);
  if (lastResolved && metrics.resolvedAt?.toMillis() === lastResolved.occurredAt.toMillis()) {
    byEvent(lastResolved)?.markers.push('resolution');
  }

  // Merge synthetic lines in: before events at the same instant, in rank order.
  // Messages posted within the same millisecond keep the order of their ts (microseconds), not of
  // their pins, which arrive in any order.
  const messages = conversationEntries(input.timeline).map((message) => ({
    entry: { at: message.at, event: null, markers: [], message }, rank: 10, posted: message.messageTs, id: message.firstEventId,
  }));
  const all = [
    ...entries.map((entry) => ({ entry, rank: 10, posted: '', id: entry.event?.id ?? 0 })),
    ...messages,
    ...synthetic.map((x) => ({ ...x, posted: '', id: 0 })),
  ];
  all.sort(
    (a, b) => a.entry.at.toMillis() - b.entry.at.toMillis() || a.rank - b.rank || compareTs(a.posted, b.posted) || a.id - b.id,
  );
  const order: KeyMoment[] = ['started', 'detection', 'acknowledgement', 'declaration', 'identified', 'mitigation', 'recovery', 'resolution'];
  return all.map(({ entry }) => ({
    ...entry,
    markers: [...new Set(entry.markers)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  }));
}

/** Slack timestamps (`1731648600.000100`) in posting order; '' (not a message) first. */
function compareTs(a: string, b: string): number {
  if (a === b) return 0;
  if (!a || !b) return a ? 1 : -1;
  const [as = '', af = ''] = a.split('.');
  const [bs = '', bf = ''] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}
