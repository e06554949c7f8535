import type { Scenario } from '../incident.js';
import type { Texts } from '../texts/index.js';

/** What repeats are looked for in: a resolved incident of the period. */
export interface RepeatCandidate {
  ref: string;
  scenario: Scenario;
  title: string;
  /** Alert groups that fired into it (`source/group`). */
  alertGroups: string[];
  /** Whether the reader may see its title (a private incident's words are not named to others). */
  titleVisible: boolean;
}

/** Why incidents count as repeats: an alert group they share, or a title word (null: a private incident's, not named). */
export type RepeatReason = { scenario: Scenario; alertGroup: string } | { scenario: Scenario; word: string | null };

export interface Repeat {
  incidents: string[];
  reasons: RepeatReason[];
}

/** `same scenario (database) and alert group db/high-latency; …` in the reader's language. */
export function repeatBecause(reasons: readonly RepeatReason[], texts: Texts): string {
  const t = texts.insights.repeat;
  return reasons
    .map((r) => ('alertGroup' in r ? t.alertGroup(r.scenario, r.alertGroup) : r.word === null ? t.hiddenWord(r.scenario) : t.word(r.scenario, r.word)))
    .join('; ');
}

/** INC-2 before INC-10; one collator, since localeCompare with options builds one per call. */
const byRef = new Intl.Collator('en', { numeric: true }).compare;

const COMMON_WORDS = new Set(['with', 'from', 'that', 'this', 'when', 'were', 'have', 'been', 'into', 'after', 'some', 'than', 'more', 'over']);

/** Title words of four letters or more, lower-cased, common English words left out. */
export function titleWords(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  return [...new Set(words.filter((w) => /\p{L}/u.test(w) && !COMMON_WORDS.has(w)))];
}

/** Incidents of the same scenario sharing an alert group or a title word; one entry per set of incidents. */
export function findRepeats(candidates: readonly RepeatCandidate[]): Repeat[] {
  const groups = new Map<string, { refs: Set<string>; reason: RepeatReason; hidden: boolean }>();
  const add = (key: string, ref: string, reason: RepeatReason, hidden: boolean): void => {
    const group = groups.get(key) ?? { refs: new Set<string>(), reason, hidden: false };
    group.refs.add(ref);
    group.hidden ||= hidden;
    groups.set(key, group);
  };
  for (const c of candidates) {
    for (const g of c.alertGroups) add(`${c.scenario}\u0000alert\u0000${g}`, c.ref, { scenario: c.scenario, alertGroup: g }, false);
    for (const w of titleWords(c.title)) add(`${c.scenario}\u0000word\u0000${w}`, c.ref, { scenario: c.scenario, word: w }, !c.titleVisible);
  }
  const bySet = new Map<string, Repeat>();
  for (const { refs, reason, hidden } of groups.values()) {
    if (refs.size < 2) continue;
    const incidents = [...refs].sort(byRef);
    const shown: RepeatReason = hidden && 'word' in reason ? { scenario: reason.scenario, word: null } : reason;
    const key = incidents.join(',');
    const known = bySet.get(key);
    if (!known) bySet.set(key, { incidents, reasons: [shown] });
    else if (!known.reasons.some((r) => JSON.stringify(r) === JSON.stringify(shown))) known.reasons.push(shown);
  }
  return [...bySet.values()];
}
