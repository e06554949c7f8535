import type { SeedUser } from '../src/index.js';

/** A demo app's face for these tests: an incident bot with four people in two channels. */
export const DEMO = {
  bot: { name: 'incident-bot', realName: 'Incident Bot' },
  users: [
    { id: 'U_ALICE', name: 'alice', realName: 'Alice Kim', tz: 'Asia/Seoul' },
    { id: 'U_BOB', name: 'bob', realName: 'Bob Smith', tz: 'America/New_York' },
    { id: 'U_CAROL', name: 'carol', realName: 'Carol Jones', tz: 'Europe/London' },
    { id: 'U_DAVE', name: 'dave', realName: 'Dave Park', tz: 'UTC', locale: 'ko-KR' },
  ] satisfies SeedUser[],
  channels: ['incidents', 'general'],
  slashCommand: '/incident',
};
