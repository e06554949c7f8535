/** A high surrogate not followed by a low one, or a low one with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as Postgres and JSON can keep it: NUL (which Postgres text refuses) removed, and lone
 * surrogates (which no UTF-8 can carry) replaced by U+FFFD, as String.prototype.toWellFormed does.
 */
export function cleanText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Every string in a parsed JSON value cleaned, in place; returns the value. */
export function cleanStrings<T>(value: T, depth = 0): T {
  if (depth > 32 || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') record[key] = cleanText(v);
    else cleanStrings(v, depth + 1);
  }
  return value;
}
