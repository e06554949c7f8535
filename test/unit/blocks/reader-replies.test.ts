import { describe, expect, it } from 'vitest';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { correctTimeButton, recordNowButton } from '../../../src/slack/blocks/note-replies.js';
import { refusalWithText } from '../../../src/slack/replies.js';
import { pinnedAnswer } from '../../../src/slack/shortcuts/add-to-timeline.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { makeIncident } from './fixtures.js';

const ko = textsFor('ko');
const incident = makeIncident({ title: '결제 API 5xx 응답' });
describe("what one person reads alone, in their language", () => {
  it('labels the note buttons in Korean', () => {
    const buttons = JSON.stringify([...correctTimeButton('x', 42, 3, ko), ...recordNowButton({ incidentId: 42, refusal: 'trigger-1', text: '캐시 비움' }, ko)]);
    expect(buttons).toContain('시각 고치기');
    expect(buttons).toContain('지금 시각으로 기록');
    expect(englishLeftIn(buttons, en)).toEqual([]);
    expect(JSON.stringify(recordNowButton({ incidentId: 42, refusal: 'trigger-1', text: 'x' }, en))).toContain('Record it now');
  });

  it('tells where a pinned message went, and gives typed text back under a Korean caption', () => {
    expect(pinnedAnswer({ result: 'added', incident }, ko)).toBe('INC-42 타임라인에 게시된 시각으로 추가했습니다.');
    expect(pinnedAnswer({ result: 'already', incident }, en)).toBe("That message is on INC-42's timeline already.");
    const refused = JSON.stringify(refusalWithText(ko.commandReplies.noteUsage('/incident note [time] <text>'), '메모', ko));
    expect(englishLeftIn(refused, en)).toEqual([]);
  });
});
