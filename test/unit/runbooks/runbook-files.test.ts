import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunbooks, RunbooksInvalid } from '../../../src/composition/runbooks-dir.js';
import { SHIPPED_RUNBOOKS } from '../../helpers/app.js';

const root = mkdtempSync(path.join(tmpdir(), 'runbooks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD = 'version: 1\nid: good\ntitle: Good\nitems:\n  - id: one\n    text: One\n';

/** A folder holding these files; returns what loading it reports, as `file:line: message` lines. */
function problems(files: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(root, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  try {
    loadRunbooks(dir);
  } catch (err) {
    if (!(err instanceof RunbooksInvalid)) throw err;
    return err.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
  }
  return [];
}

describe('runbook files', () => {
  it('reads a valid folder: yaml and yml, in name order, due_after in seconds', () => {
    const dir = mkdtempSync(path.join(root, 'ok-'));
    writeFileSync(path.join(dir, 'b.yml'), GOOD);
    writeFileSync(path.join(dir, 'a.yaml'), 'version: 1\nid: deploy-rollback\ntitle: Roll back\nwhen:\n  severity: [sev1, sev2]\n  scenario: [deploy]\nitems:\n  - id: pause-rollout\n    text: Pause\n    role: commander\n    due_after: 10m\n    link: https://runbooks.example.com/deploy#pause\n    warn: Check the migration.\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a runbook');
    const runbooks = loadRunbooks(dir);
    expect(runbooks.map((r) => r.id)).toEqual(['deploy-rollback', 'good']);
    expect(runbooks[0]!.items[0]).toEqual({
      id: 'pause-rollout', text: 'Pause', role: 'commander', dueAfterSeconds: 600, link: 'https://runbooks.example.com/deploy#pause', warn: 'Check the migration.',
    });
  });

  it('names the file and line of a YAML syntax error', () => {
    expect(problems({ 'bad.yaml': 'version: 1\nid: bad\ntitle: a: b\nitems: []\n' })).toEqual([expect.stringMatching(/^bad\.yaml:3: YAML: /)]);
    expect(problems({ 'keys.yaml': 'version: 1\nid: bad\ntitle: A\ntitle: B\nitems: []\n' })).toEqual(['keys.yaml:4: YAML: Map keys must be unique']);
  });

  it('names the file and line of an unknown key, at the key, wherever it is', () => {
    expect(problems({ 'top.yaml': `${GOOD}owner: ops\n` })).toEqual(['top.yaml:7: the file: unknown key "owner" (version 1 has version, id, title, when, items)']);
    expect(problems({ 'item.yaml': 'version: 1\nid: x\ntitle: X\nitems:\n  - id: one\n    text: One\n    colour: red\n' }))
      .toEqual(['item.yaml:7: items[0]: unknown key "colour" (version 1 has id, text, role, due_after, link, warn)']);
    expect(problems({ 'when.yaml': 'version: 1\nid: x\ntitle: X\nwhen:\n  status: [open]\nitems:\n  - id: one\n    text: One\n' }))
      .toEqual(['when.yaml:5: when: unknown key "status" (version 1 has severity, scenario)']);
  });

  it('names the file and line of a wrong type or value, and of a missing key', () => {
    const found = problems({
      'types.yaml': 'version: 2\nid: Bad_Id\ntitle: X\nwhen:\n  severity: [sev9]\nitems:\n  - id: one\n    text: 3\n    due_after: 10 minutes\n    link: javascript:alert(1)\n    role: janitor\n  - id: two\n',
    });
    expect(found).toEqual([
      expect.stringMatching(/^types\.yaml:1: version: /),
      'types.yaml:2: id: must be lowercase letters, digits and -',
      expect.stringMatching(/^types\.yaml:5: when\.severity\[0\]: .*sev1/),
      'types.yaml:8: items[0].text: Invalid input: expected string, received number',
      'types.yaml:9: items[0].due_after: must be a duration such as 30s, 10m or 2h',
      'types.yaml:10: items[0].link: must be an http(s) link',
      expect.stringMatching(/^types\.yaml:11: items\[0\]\.role: .*commander/),
      'types.yaml:12: items[1].text: is required (string)',
    ]);
  });

  it('names the file and line of a duplicate item id, and of a runbook id already taken by another file', () => {
    expect(problems({ 'items.yaml': 'version: 1\nid: x\ntitle: X\nitems:\n  - id: one\n    text: One\n  - id: one\n    text: Again\n' }))
      .toEqual(['items.yaml:7: items[1].id: "one" is used by an earlier item of this runbook']);
    const dir = path.join(root, 'dup');
    mkdirSync(dir);
    expect(problems({ 'a.yaml': GOOD, 'b.yaml': `# the same id\n${GOOD}` }))
      .toEqual([expect.stringMatching(/^b\.yaml:3: id: "good" is already the id of a runbook in .*a\.yaml$/)]);
  });

  it('stops start-up on a folder that cannot be read', () => {
    expect(problems({})).toEqual([]);
    expect(() => loadRunbooks(path.join(root, 'missing'))).toThrow(/cannot read the folder \(ENOENT\); set RUNBOOKS_DIR/);
  });
});

describe('npm run runbooks:check', () => {
  const run = async (dir?: string) => {
    try {
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/runbooks-check.ts', ...(dir ? [dir] : [])], { env: { ...process.env, RUNBOOKS_DIR: '' } });
      return { code: 0, out: stdout };
    } catch (err) {
      const failed = err as { code: number; stderr: string };
      return { code: failed.code, out: failed.stderr };
    }
  };

  it('exits 0 on the shipped runbooks and 1 on a bad folder, naming file and line', async () => {
    expect(await run()).toEqual({ code: 0, out: expect.stringContaining('7 runbooks, 44 items, all valid') });
    expect(await run(SHIPPED_RUNBOOKS)).toMatchObject({ code: 0 });
    const dir = mkdtempSync(path.join(root, 'cli-'));
    writeFileSync(path.join(dir, 'x.yaml'), `${GOOD}extra: 1\n`);
    const bad = await run(dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${path.join(dir, 'x.yaml')}:7: the file: unknown key "extra"`);
  }, 60_000);
});
