import type { SeedUser } from './types.js';

export const BOT_USER_ID = 'U_BOT';
export const BOT_ID = 'B_BOT';
export const TEAM_ID = 'T_LOCAL';
export const TEAM_DOMAIN = 'local';
export const APP_ID = 'A_LOCAL';
export const VERIFICATION_TOKEN = 'local-verification-token';

export const defaultUsers: SeedUser[] = [
  { id: 'U_ALICE', name: 'alice', realName: 'Alice Kim', tz: 'Asia/Seoul' },
  { id: 'U_BOB', name: 'bob', realName: 'Bob Smith', tz: 'America/New_York' },
  { id: 'U_CAROL', name: 'carol', realName: 'Carol Jones', tz: 'Europe/London' },
  { id: 'U_DAVE', name: 'dave', realName: 'Dave Park', tz: 'UTC' },
];

export const botUser: SeedUser = { id: BOT_USER_ID, name: 'incident-bot', realName: 'Incident Bot', tz: 'UTC', isBot: true };

export const seededChannels = ['incidents', 'general'];
