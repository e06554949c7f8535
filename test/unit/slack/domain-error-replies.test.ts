import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { assertTransition } from '../../../src/domain/incident.js';
import { DEFAULT_LEAD_ACTIONS, refusal } from '../../../src/domain/policy.js';
import { en, textsFor } from '../../../src/domain/texts/index.js';
import { createLogger } from '../../../src/logger.js';
import { formLocale } from '../../../src/slack/blocks/form-locale.js';
import { errorReply, modalErrors } from '../../../src/slack/replies.js';
import { englishLeftIn } from '../../helpers/catalog.js';

const ko = textsFor('ko');
const logger = createLogger('silent');
const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
};

describe('a DomainError in the reader\'s language', () => {
  const resolved = thrown(() => assertTransition({ id: 7, status: 'resolved' }, 'investigating'));

  it('keeps the English text as its message, for logs, and renders in either language', () => {
    expect(resolved).toBeInstanceOf(DomainError);
    const err = resolved as DomainError;
    expect(err.message).toBe('INC-7 is resolved. Use `/incident reopen` first if it is back.');
    expect(err.textIn(en)).toBe(err.message);
    expect(err.textIn(ko)).toBe('INC-7은(는) 이미 해결되었습니다. 다시 발생했다면 먼저 `/incident reopen`으로 재개하세요.');
  });

  it('says a status in the reader\'s words', () => {
    const err = thrown(() => assertTransition({ id: 7, status: 'monitoring' }, 'monitoring')) as DomainError;
    expect(err.textIn(en)).toBe('The incident is already monitoring.');
    expect(err.textIn(ko)).toBe("인시던트는 이미 '모니터링' 상태입니다.");
  });

  it('refuses by the policy in Korean, naming the commander', () => {
    const policy = { leadActions: new Set(DEFAULT_LEAD_ACTIONS) };
    const incident = { id: 3, commanderId: 'U_ALICE', commsLeadId: null, scribeId: null };
    const lead = new DomainError('forbidden', refusal(policy, 'resolve', incident));
    expect(lead.message).toBe("Only the commander (<@U_ALICE>), the incident's comms lead and scribe, workspace admins and responders can resolve INC-3.");
    expect(lead.textIn(ko)).toContain('INC-3을(를) 해결할 수 있는 사람은 커맨더(<@U_ALICE>)');
    const member = new DomainError('forbidden', refusal(policy, 'add_note', incident));
    expect(member.message).toBe("Only members of INC-3's channel and its leads can add notes to INC-3.");
    expect(member.textIn(ko)).toBe('INC-3에 메모를 남길 수 있는 사람은 INC-3 채널 멤버와 담당자뿐입니다.');
  });

  it('comes back as an ephemeral refusal in Korean, with the typed text to copy, and in English unchanged', () => {
    const korean = JSON.stringify(errorReply(resolved, logger, '결제 API 재시작', ko));
    expect(korean).toContain('이미 해결되었습니다');
    expect(korean).toContain('입력한 내용(복사용, 저장되지 않음)');
    expect(korean).toContain('결제 API 재시작');
    expect(englishLeftIn(korean, en)).toEqual([]);
    const english = errorReply(resolved, logger, 'restart the payments API', en);
    expect(english.text).toContain('INC-7 is resolved.');
    expect(JSON.stringify(english)).toContain('What you typed, to copy (nothing was saved):');
  });

  it('answers anything else without internals, in the reader\'s language', () => {
    const korean = JSON.stringify(errorReply(new Error('connection refused at 10.0.0.3'), logger, '', ko));
    expect(korean).toContain(ko.replies.somethingWentWrong);
    expect(korean).not.toContain('10.0.0.3');
    expect(englishLeftIn(korean, en)).toEqual([]);
    expect(errorReply(new Error('x'), logger, '', en).text).toContain(en.replies.somethingWentWrong);
  });

  it('puts a modal\'s field error in the form\'s language', () => {
    const err = new DomainError('invalid_input', (t) => t.errors.detectionBeforeImpact, 'detectedAt');
    expect(modalErrors(err, 'title', logger, ko)).toEqual({ detectedAt: '감지 시각은 영향 시작 시각보다 앞설 수 없습니다.' });
    expect(modalErrors(err, 'title', logger, en)).toEqual({ detectedAt: 'Detection cannot come before the impact started.' });
    expect(modalErrors(new Error('db down'), 'title', logger, ko)).toEqual({ title: ko.replies.savingFailed });
  });

  it('reads a form\'s language from its private_metadata, and none from other metadata', () => {
    expect(formLocale(JSON.stringify({ locale: 'ko', alertId: 3 }))).toBe('ko');
    expect(formLocale(JSON.stringify({ incidentId: 3 }))).toBeUndefined();
    expect(formLocale('{not json')).toBeUndefined();
    expect(formLocale('12:item-3')).toBeUndefined();
    expect(formLocale(undefined)).toBeUndefined();
  });
});
