import { describe, expect, it } from 'vitest';
import { SEVERITIES, SEVERITY_INFO } from '../../../src/domain/severity.js';
import { en, localeOf, reportFieldText, textsFor, type Texts } from '../../../src/domain/texts/index.js';
import { englishLeftIn, englishSentences, leaves, sentinel } from '../../helpers/catalog.js';

const ko = textsFor('ko');

describe('the message catalog', () => {
  it('has every key in both languages, as text in one exactly where it is text in the other', () => {
    const english = leaves(en);
    const korean = leaves(ko);
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, leaf] of english) expect({ path, arity: korean.get(path)?.arity }).toEqual({ path, arity: leaf.arity });
  });

  it('uses every placeholder in both languages', () => {
    const korean = leaves(ko);
    for (const [path, leaf] of leaves(en)) {
      for (let i = 0; i < (leaf.arity ?? 0); i++) {
        expect({ path, en: leaf.text.includes(sentinel(i)), ko: korean.get(path)?.text.includes(sentinel(i)) }).toEqual({ path, en: true, ko: true });
      }
    }
  });

  it('says every Korean text in Korean: none of the English sentences is left in it', () => {
    expect(englishSentences(en).length).toBeGreaterThan(40);
    const koreanTexts = [...leaves(ko).values()].map((leaf) => leaf.text).join('\n');
    expect(englishLeftIn(koreanTexts, en)).toEqual([]);
    // The check can fail: the English catalog is full of its own sentences.
    expect(englishLeftIn([...leaves(en).values()].map((l) => l.text).join('\n'), en).length).toBe(englishSentences(en).length);
  });

  it("reads a person's Slack locale as the language the bot speaks, or none", () => {
    expect(localeOf('ko-KR')).toBe('ko');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('EN_us')).toBe('en');
    expect(localeOf('ja-JP')).toBeUndefined();
    expect(localeOf(undefined)).toBeUndefined();
    expect(localeOf('')).toBeUndefined();
  });
});

describe('the catalog type', () => {
  it('refuses a language with a key missing or a placeholder of another type (checked by tsc)', () => {
    // @ts-expect-error a key of the English catalog is missing
    const missing: Texts['declare']['errors'] = { ...ko.declare.errors, commanderMissing: undefined };
    // @ts-expect-error a key the English catalog does not have
    const extra: Texts['replies'] = { ...ko.replies, unheardOf: '?' } satisfies Texts['replies'];
    // @ts-expect-error the placeholder is a number in English
    const otherType: Texts['declare']['errors']['titleTooLong'] = (max: string) => max;
    expect([missing, extra, otherType]).toHaveLength(3);
  });
});

describe("the severities' report fields", () => {
  it('has every field of every severity in both languages, the English one as the domain writes it', () => {
    for (const severity of SEVERITIES) {
      for (const field of SEVERITY_INFO[severity].reportFields) {
        expect(Object.keys(en.terms.reportField[severity])).toContain(field.id);
        expect(reportFieldText(en, severity, field)).toEqual({ label: field.label, hint: field.hint });
        expect(reportFieldText(ko, severity, field).label).not.toBe(field.label);
      }
      expect(Object.keys(en.terms.reportField[severity])).toHaveLength(SEVERITY_INFO[severity].reportFields.length);
    }
  });
});
