export type { Locale, PostmortemInput, RenderOptions, Variant } from './model.js';
export { LOCALES, VARIANTS } from './model.js';
export { draftFileName } from './file-name.js';
export { computeMetrics, minutesBetween, RESPONDER_KINDS, sortEvents, type PostmortemMetrics } from './metrics.js';
export { peopleOf } from './people.js';
export { escapeBlock, escapeCell, escapeInline, flatten, table, truncate } from './markdown.js';
export {
  SCENARIO_SECTION,
  STRINGS,
  strings,
  type KeyMoment,
  type PostmortemStrings,
  type ScenarioSection,
} from './i18n.js';
export { redactForExternal, renderPostmortem, timelineEntries, zoneAbbreviation, type TimelineEntry } from './render.js';
