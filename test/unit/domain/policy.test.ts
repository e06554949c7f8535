import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_ACTIONS, INCIDENT_ACTIONS, mayAct, type IncidentAction } from '../../../src/domain/policy.js';

const policy = { leadActions: new Set<IncidentAction>(DEFAULT_LEAD_ACTIONS) };
const incident = { id: 4, commanderId: 'U_CMD', commsLeadId: 'U_COMMS', scribeId: null };
const facts = (member: boolean, responder = false, admin = false) => {
  const asked: string[] = [];
  const fact = (name: string, value: boolean) => () => (asked.push(name), Promise.resolve(value));
  return { asked, facts: { isChannelMember: fact('member', member), isResponder: fact('responder', responder), isAdmin: fact('admin', admin) } };
};

describe('who may do what', () => {
  it.each(INCIDENT_ACTIONS)('role holders may %s without asking Slack anything', async (action) => {
    for (const who of ['U_CMD', 'U_COMMS']) {
      const f = facts(false);
      expect(await mayAct(policy, action, who, incident, f.facts)).toBe(true);
      expect(f.asked).toEqual([]);
    }
  });

  it('channel members may post updates and notes, not lead', async () => {
    for (const action of INCIDENT_ACTIONS) {
      expect(await mayAct(policy, action, 'U_MEMBER', incident, facts(true).facts)).toBe(!DEFAULT_LEAD_ACTIONS.includes(action));
    }
  });

  it('responders and admins may lead; outsiders may do nothing', async () => {
    expect(await mayAct(policy, 'resolve', 'U_X', incident, facts(false, true).facts)).toBe(true);
    expect(await mayAct(policy, 'resolve', 'U_X', incident, facts(false, false, true).facts)).toBe(true);
    for (const action of INCIDENT_ACTIONS) expect(await mayAct(policy, action, 'U_X', incident, facts(false).facts)).toBe(false);
  });

  it('asks the cheapest question first and stops when it has the answer', async () => {
    const member = facts(true);
    await mayAct(policy, 'add_note', 'U_MEMBER', incident, member.facts);
    expect(member.asked).toEqual(['member']);
    const lead = facts(true, true);
    await mayAct(policy, 'resolve', 'U_X', incident, lead.facts);
    expect(lead.asked).toEqual(['responder']);
  });
});
