import { describe, expect, it } from 'vitest';
import { strings } from '../../../src/domain/postmortem/index.js';

describe("the uploaded draft's title in Slack", () => {
  it.each([
    ['en', 'internal', 'INC-7 postmortem draft'],
    ['en', 'external', 'INC-7 postmortem draft (customer-facing)'],
    ['ko', 'internal', 'INC-7 포스트모템 초안'],
    ['ko', 'external', 'INC-7 포스트모템 초안(고객용)'],
  ] as const)('is in the language of the draft (%s, %s)', (locale, variant, title) => {
    expect(strings(locale).fileTitle('INC-7', variant)).toBe(title);
  });
});
