import { LOCALES, type Locale } from '../postmortem/model.js';
import { en, type Texts } from './catalog.js';
import { ko } from './ko/index.js';

export { en, type Texts };
export { LOCALES, type Locale };

const CATALOGS: Record<Locale, Texts> = { en, ko };

/** Everything the bot shows, in one language. */
export function textsFor(locale: Locale): Texts {
  return CATALOGS[locale];
}

/**
 * The language of a Slack locale (`ko-KR`, `en-US`, `en-GB`…): its primary subtag when the bot
 * speaks it, else undefined (the caller falls back to BOT_LOCALE).
 */
export function localeOf(slackLocale: string | null | undefined): Locale | undefined {
  const primary = slackLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === primary);
}

export { reportFieldText } from './report-fields.js';
