/**
 * The layer rules are checked by `npm run lint`: a planted cross-layer import fails, the tree
 * passes. Linting runs with the project's own eslint.config.js, type-aware rules included.
 */
import { ESLint } from 'eslint';
import { RuleTester } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import { layersPlugin } from '../../eslint/layers.js';

const root = resolve(import.meta.dirname, '../..');
const at = (path: string) => resolve(root, path);

describe('the layer rule', () => {
  const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
  it('allows what the design allows and refuses the rest', () => {
    tester.run('layers/imports', layersPlugin.rules.imports, {
      valid: [
        { filename: at('src/domain/postmortem/render.ts'), code: "import { x } from '../timeline.js'; import { z } from 'zod'; import { DateTime } from 'luxon';" },
        { filename: at('src/slack/delivery/renderer.ts'), code: "import { x } from '../../services/delivery-service.js'; import { y } from '../../outbox/intents.js';" },
        { filename: at('src/services/incident-service.ts'), code: "import { x } from '../db/client.js';" },
        { filename: at('src/jobs/scheduler.ts'), code: "import cron from 'node-cron';" },
        { filename: at('src/composition/local-workspace.ts'), code: "const m = await import('local-slack-workspace'); import type { W } from 'local-slack-workspace';" },
        { filename: at('packages/slack-workspace/src/store.ts'), code: "import { a } from './types.js'; import { b } from '../test/x.js';" },
      ],
      invalid: [
        { filename: at('src/domain/incident.ts'), code: "import { db } from '../db/client.js';", errors: 1 },
        { filename: at('src/domain/postmortem/render.ts'), code: "import { x } from '../../slack/ids.js';", errors: 1 },
        { filename: at('src/domain/incident.ts'), code: "import pino from 'pino'; import { readFile } from 'node:fs';", errors: 2 },
        { filename: at('src/domain/incident.ts'), code: "import { Clock } from '../clock.js';", errors: 1 },
        { filename: at('src/slack/commands/incident/list.ts'), code: "import { repos } from '../../../db/repositories/index.js';", errors: 1 },
        { filename: at('src/slack/delivery/deliver-intent.ts'), code: "export * from '../../db/schema.js';", errors: 1 },
        { filename: at('src/services/incident-service.ts'), code: "import { ids } from '../slack/ids.js';", errors: 1 },
        { filename: at('src/outbox/dispatcher.ts'), code: "import { SlackPoster } from '../slack/delivery/slack-poster.js';", errors: 1 },
        { filename: at('src/db/schema.ts'), code: "import { IncidentService } from '../services/incident-service.js';", errors: 1 },
        { filename: at('src/jobs/send-due-reminders.ts'), code: "import { db } from '../db/client.js';", errors: 1 },
        { filename: at('src/http/api.ts'), code: "import cron from 'node-cron';", errors: 1 },
        { filename: at('src/composition/slack-transport.ts'), code: "import { createWorkspace } from 'local-slack-workspace';", errors: 1 },
        { filename: at('packages/slack-workspace/src/store.ts'), code: "import { config } from '../../../src/config.js';", errors: 1 },
        { filename: at('packages/slack-workspace/src/store.ts'), code: "const app = await import('../../../src/application.js');", errors: 1 },
      ],
    });
  });
});

describe('npm run lint', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath: at(filePath) }))[0]!.messages.filter((m) => m.ruleId === 'layers/imports');

  // The tree first: a planted text replaces its file in the in-process TypeScript program.
  it('passes on the tree as it is', async () => {
    const results = await eslint.lintFiles(['src/domain', 'src/slack', 'src/outbox', 'src/services']);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    // Type-aware linting of four folders: ~20 s of CPU, more while the other test files share the cores.
  }, 180_000);

  it('fails on a planted cross-layer import', async () => {
    const planted = "import { rowsOf } from '../db/client.js';\nexport const leak = rowsOf;\n";
    const messages = await lint(planted, 'src/domain/severity.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('src/domain is pure');
    expect(await lint("import { incidents } from '../../db/schema.js';\nexport const t = incidents;\n", 'src/slack/blocks/help.ts')).toHaveLength(1);
  });
});
