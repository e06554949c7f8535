export const BOT_USER_ID = 'U_BOT';
export const BOT_ID = 'B_BOT';
export const TEAM_ID = 'T_LOCAL';
export const TEAM_DOMAIN = 'local';
export const APP_ID = 'A_LOCAL';
export const VERIFICATION_TOKEN = 'local-verification-token';

/** The bot user when the app names none. */
export const DEFAULT_BOT = { name: 'bot', realName: 'Bot' };
export const DEFAULT_CHANNELS = ['general'];
export const DEFAULT_SLASH_COMMAND = '/command';
