import { randomBytes } from 'node:crypto';
import type { SeedUser } from 'local-slack-workspace';
import type { Config } from '../config.js';
import { BOT_EVENTS, MESSAGE_SHORTCUTS, SLASH_COMMAND } from '../slack/capabilities.js';
import { SUBCOMMANDS } from '../slack/commands/incident/registry.js';
import { en, LOCALES, textsFor, type Texts } from '../domain/texts/index.js';

/**
 * The token of a workspace the caller makes and hands in (tests: `GivenWorkspace`), unless it names
 * its own. A workspace `connectLocalWorkspace` makes gets a random token per run instead
 * (`localBotToken()`), so nothing outside this process knows it.
 */
export const LOCAL_BOT_TOKEN = 'xoxb-local-sandbox';

/** A fresh, unguessable bot token for one run of the local workspace. */
export function localBotToken(): string {
  return `xoxb-local-${randomBytes(12).toString('hex')}`;
}

/** A fresh app-level token for one run in Socket Mode (SLACK_MODE=socket): the app opens its connections with it. */
export function localAppToken(): string {
  return `xapp-1-local-${randomBytes(12).toString('hex')}`;
}

/** People in different zones, so a drill shows every reader their own times; Minji reads Slack in Korean. */
export const LOCAL_PEOPLE: SeedUser[] = [
  { id: 'U_ALICE', name: 'alice', realName: 'Alice Kim', tz: 'Asia/Seoul' },
  { id: 'U_BOB', name: 'bob', realName: 'Bob Smith', tz: 'America/New_York' },
  { id: 'U_CAROL', name: 'carol', realName: 'Carol Jones', tz: 'Europe/London' },
  { id: 'U_DAVE', name: 'dave', realName: 'Dave Park', tz: 'UTC' },
  { id: 'U_MINJI', name: 'minji', realName: '이민지', tz: 'Asia/Seoul', locale: 'ko-KR' },
];

/** What the local workspace knows of this app: its bot, its people and channels, its command. */
export function localProfile(incidentsChannel: Config['incidentsChannel']) {
  return {
    bot: { name: 'incident-bot', realName: 'Incident Bot' },
    users: LOCAL_PEOPLE,
    channels: [incidentsChannel, 'general'],
    slashCommand: SLASH_COMMAND,
    botEvents: [...BOT_EVENTS],
  };
}

/** The page's face in one language: the app's name and description, its shortcut, what each subcommand does. */
function face(incidentsChannel: Config['incidentsChannel'], texts: Texts) {
  const { appName, commandDescription, addToTimeline } = texts.home.face;
  return {
    app: {
      name: appName, homeChannel: incidentsChannel, commandDescription,
      messageShortcuts: [{ callbackId: MESSAGE_SHORTCUTS.addToTimeline, name: addToTimeline }],
    },
    commands: SUBCOMMANDS.map(({ name }) => {
      const { args, does } = texts.help.subcommands[name];
      return { syntax: args ? `${name} ${args}` : name, does };
    }),
  };
}

/** How the page presents the app, and the subcommands its composer completes: in English, and in each other language to a person who reads Slack in it. */
export function localPage(incidentsChannel: Config['incidentsChannel']) {
  const others = LOCALES.filter((locale) => locale !== en.locale);
  return {
    ...face(incidentsChannel, en),
    faces: Object.fromEntries(others.map((locale) => [locale, face(incidentsChannel, textsFor(locale))])),
    slashCommand: SLASH_COMMAND,
  };
}
