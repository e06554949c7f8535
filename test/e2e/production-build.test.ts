/**
 * The production build and image carry no local-workspace code: the app loads the package with
 * import() in local mode only, and the image leaves the package out.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'incident-bot-dist-'));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const packageModules = readdirSync(join(root, 'packages/slack-workspace/src')).map((f) => f.replace(/\.ts$/, '.js'));

let built: { path: string; text: string }[] = [];
beforeAll(async () => {
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  built = files(outDir).map((path) => ({ path: relative(outDir, path), text: readFileSync(path, 'utf8') }));
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build', () => {
  it('compiles the app and nothing of the local workspace', () => {
    expect(built.map((f) => f.path)).toContain('main.js');
    expect(built.some((f) => f.path.includes('packages') || f.path.includes('sandbox'))).toBe(false);
    // Its own modules (web-api-server.js, interactions.js, …) appear nowhere in dist.
    const names = new Set(built.map((f) => f.path.split('/').pop()));
    expect(packageModules.filter((m) => names.has(m) && m !== 'index.js' && m !== 'clock.js')).toEqual([]);
    // The workspace's own code, recognisable by what it answers as Slack, is not there.
    for (const marker of ['expired_trigger_id', 'cant_update_message', "'files.getUploadURLExternal':"]) {
      expect(built.filter((f) => f.text.includes(marker)).map((f) => f.path)).toEqual([]);
    }
  });

  it('mentions the package only where local mode loads it with import()', () => {
    const mentions = built.filter((f) => f.text.includes('local-slack-workspace'));
    expect(mentions.map((f) => f.path)).toEqual(['local-workspace/connect.js']);
    const text = mentions[0]!.text;
    expect(text).toMatch(/await import\('local-slack-workspace'\)/);
    expect(text).not.toMatch(/^\s*import\s[^(]*from\s+'local-slack-workspace'/m);
  });
});

describe('the production image', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.indexOf(' AS runtime'));

  it('copies no workspace package into the runtime stage and drops it from node_modules', () => {
    expect(runtime.length).toBeGreaterThan(0);
    expect(runtime).not.toMatch(/COPY[^\n]*packages/);
    expect(runtime).not.toMatch(/sandbox|page/);
    expect(dockerfile).toMatch(/rm -rf node_modules\/local-slack-workspace/);
    expect(runtime).toMatch(/COPY --from=build \/app\/node_modules \.\/node_modules/);
  });
});
