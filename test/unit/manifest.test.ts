import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  BOT_EVENTS,
  BOT_SCOPES,
  GLOBAL_SHORTCUTS,
  MESSAGE_SHORTCUTS,
  SLACK_REQUEST_PATH,
  SLASH_COMMAND,
} from '../../src/slack/capabilities.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaPath = path.resolve(repoRoot, 'test', 'fixtures', 'slack', 'manifest.schema.1.0.0.json');

/** The parts of a manifest this test reads; everything else is the schema's business. */
interface Manifest {
  _metadata?: { major_version?: number };
  features?: {
    app_home?: { home_tab_enabled?: boolean };
    bot_user?: { display_name?: string };
    slash_commands?: { command: string; url?: string }[];
    shortcuts?: { type: string; callback_id: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled?: boolean; request_url?: string; message_menu_options_url?: string };
    socket_mode_enabled?: boolean;
  };
}

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  formats: {
    uri: (value: string) => {
      try {
        new URL(value);
        return true;
      } catch {
        return false;
      }
    },
  },
});
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

const loadManifest = (): Manifest => parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;

/** Every reason Slack or our app would reject this manifest; empty when it is fine. */
function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  if (!validateSchema(manifest)) {
    for (const e of validateSchema.errors ?? []) problems.push(`schema: ${e.instancePath || '/'} ${e.message ?? ''}`);
  }
  const commands = manifest.features?.slash_commands ?? [];
  if (!commands.some((c) => c.command === SLASH_COMMAND)) problems.push(`slash command ${SLASH_COMMAND} missing`);
  const globalShortcuts = (manifest.features?.shortcuts ?? []).filter((s) => s.type === 'global').map((s) => s.callback_id);
  for (const id of Object.values(GLOBAL_SHORTCUTS)) {
    if (!globalShortcuts.includes(id)) problems.push(`global shortcut ${id} missing`);
  }
  const messageShortcuts = (manifest.features?.shortcuts ?? []).filter((s) => s.type === 'message').map((s) => s.callback_id);
  for (const id of Object.values(MESSAGE_SHORTCUTS)) {
    if (!messageShortcuts.includes(id)) problems.push(`message shortcut ${id} missing`);
  }
  const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
  for (const event of BOT_EVENTS) if (!events.includes(event)) problems.push(`bot event ${event} missing`);
  const scopes = manifest.oauth_config?.scopes?.bot ?? [];
  for (const scope of BOT_SCOPES) if (!scopes.includes(scope)) problems.push(`bot scope ${scope} missing`);
  if (!manifest.features?.bot_user) problems.push('bot user missing');
  if (manifest.settings?.interactivity?.is_enabled !== true) problems.push('interactivity disabled');
  const urls = {
    'interactivity request_url': manifest.settings?.interactivity?.request_url,
    // The incident picker (external_select) asks here; Bolt answers block_suggestion at the same path.
    'interactivity message_menu_options_url': manifest.settings?.interactivity?.message_menu_options_url,
    'event_subscriptions request_url': manifest.settings?.event_subscriptions?.request_url,
    [`${SLASH_COMMAND} url`]: commands.find((c) => c.command === SLASH_COMMAND)?.url,
  };
  for (const [what, url] of Object.entries(urls)) {
    if (!url?.endsWith(SLACK_REQUEST_PATH)) problems.push(`${what} must end with ${SLACK_REQUEST_PATH} (got ${url})`);
  }
  return problems;
}

describe('manifest.yml', () => {
  const manifest = loadManifest();

  it('validates against Slack manifest schema 1.0.0 and declares everything the app uses', () => {
    expect(manifest._metadata?.major_version).toBe(1);
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('declares the slash command, shortcuts, events and scopes from capabilities.ts', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toContain(SLASH_COMMAND);
    const shortcutIds = manifest.features?.shortcuts?.filter((s) => s.type === 'global').map((s) => s.callback_id);
    expect(shortcutIds).toEqual(expect.arrayContaining(Object.values(GLOBAL_SHORTCUTS)));
    const messageShortcutIds = manifest.features?.shortcuts?.filter((s) => s.type === 'message').map((s) => s.callback_id);
    expect(messageShortcutIds).toEqual(expect.arrayContaining(Object.values(MESSAGE_SHORTCUTS)));
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual(expect.arrayContaining([...BOT_EVENTS]));
    expect(manifest.oauth_config?.scopes?.bot).toEqual(expect.arrayContaining([...BOT_SCOPES]));
  });

  it('turns on the Home tab that app_home_opened and views.publish need', () => {
    expect(BOT_EVENTS).toContain('app_home_opened');
    expect(manifest.features?.app_home?.home_tab_enabled).toBe(true);
  });

  it('sends interactivity and events to the app request path over HTTP', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
    expect(manifest.settings?.interactivity?.request_url?.endsWith(SLACK_REQUEST_PATH)).toBe(true);
    expect(manifest.settings?.event_subscriptions?.request_url?.endsWith(SLACK_REQUEST_PATH)).toBe(true);
  });

  it('rejects a manifest that lacks a scope the app needs', () => {
    const missing = BOT_SCOPES[BOT_SCOPES.length - 1] ?? 'users:read';
    const broken = structuredClone(manifest);
    broken.oauth_config!.scopes!.bot = broken.oauth_config!.scopes!.bot!.filter((s) => s !== missing);
    expect(manifestProblems(broken)).toEqual([`bot scope ${missing} missing`]);
  });

  it('rejects a manifest without the conversation events, their scope or the message shortcut', () => {
    const broken = structuredClone(manifest);
    broken.settings!.event_subscriptions!.bot_events = broken.settings!.event_subscriptions!.bot_events!.filter((e) => e !== 'reaction_added');
    broken.oauth_config!.scopes!.bot = broken.oauth_config!.scopes!.bot!.filter((s) => s !== 'reactions:read');
    broken.features!.shortcuts = broken.features!.shortcuts!.filter((s) => s.type !== 'message');
    expect(manifestProblems(broken)).toEqual([
      `message shortcut ${MESSAGE_SHORTCUTS.addToTimeline} missing`,
      'bot event reaction_added missing',
      'bot scope reactions:read missing',
    ]);
  });

  it('rejects a manifest that breaks the schema or points Slack elsewhere', () => {
    const broken = structuredClone(manifest) as Manifest & { settings: { unknown_setting?: boolean } };
    broken.settings.unknown_setting = true;
    broken.settings.interactivity!.request_url = 'https://incident-bot.example.com/other';
    const problems = manifestProblems(broken);
    expect(problems.some((p) => p.startsWith('schema: /settings must NOT have additional properties'))).toBe(true);
    expect(problems.some((p) => p.startsWith('interactivity request_url must end with'))).toBe(true);
  });
});
