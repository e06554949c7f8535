// The layer rules of docs/ARCHITECTURE.md, checked on every import (static, re-export or dynamic).
// A relative import is resolved against the importing file, so depth does not matter.
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * One entry per layer: `only` lists the folders and packages it may import (nothing else), `not`
 * the folders it must never import. Folders are repo-relative; the most specific layer wins.
 */
export const LAYERS = [
  {
    layer: 'src/domain',
    only: { folders: ['src/domain'], packages: ['luxon', 'zod'] },
    why: 'src/domain is pure: it imports only luxon, zod and itself (no Slack, database, scheduler, logger or process)',
  },
  { layer: 'src/slack', not: ['src/db', 'src/jobs', 'src/http', 'src/composition'], why: 'src/slack reaches the database only through services' },
  { layer: 'src/services', not: ['src/slack', 'src/jobs', 'src/http', 'src/composition'], why: 'services know nothing of Slack, jobs or HTTP' },
  { layer: 'src/outbox', not: ['src/slack', 'src/services', 'src/jobs', 'src/http', 'src/composition'], why: 'the outbox does not know where its messages go' },
  { layer: 'src/db', not: ['src/slack', 'src/services', 'src/jobs', 'src/http', 'src/composition'], why: 'repositories map rows; they call no use case' },
  { layer: 'src/jobs', not: ['src/slack', 'src/db', 'src/http', 'src/composition'], why: 'jobs run services; they do not talk to Slack or SQL themselves' },
  { layer: 'src/http', not: ['src/slack', 'src/jobs', 'src/composition'], why: 'HTTP routes call services' },
  {
    layer: 'src/observability',
    not: ['src/slack', 'src/services', 'src/db', 'src/outbox', 'src/jobs', 'src/http', 'src/composition'],
    why: 'metrics and request ids are fed by the layers; they call none of them',
  },
  {
    layer: 'packages',
    ownPackageOnly: true,
    why: 'a workspace package stands alone: it never imports the app (src, test) or another package by path',
  },
];

/** Packages only one place may import. */
const OWNERS = [
  { pkg: 'node-cron', owner: 'src/jobs/scheduler.ts', why: 'only the scheduler knows node-cron' },
  { pkg: 'pino', owner: 'src/logger.ts', why: 'loggers are made in src/logger.ts and passed in' },
  { pkg: 'prom-client', owner: 'src/observability/metrics.ts', why: 'metrics are defined in one place and passed in' },
];

/** The local Slack workspace: loaded by dynamic import() in local mode only, never statically from src. */
const WORKSPACE_PACKAGE = 'local-slack-workspace';

const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function layerOf(file) {
  return LAYERS.filter((l) => inside(file, l.layer)).sort((a, b) => b.layer.length - a.layer.length)[0];
}

function problem(file, spec) {
  const layer = layerOf(file);
  const relativeSpec = spec.startsWith('.');
  const target = relativeSpec ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : undefined;
  if (!relativeSpec && !spec.startsWith('node:')) {
    const owner = OWNERS.find((o) => o.pkg === packageName(spec));
    if (owner && file !== owner.owner && inside(file, 'src')) return owner.why;
  }
  if (!layer) return undefined;
  if (layer.ownPackageOnly) {
    const own = file.split('/').slice(0, 2).join('/');
    return target !== undefined && !inside(target, own) ? layer.why : undefined;
  }
  if (layer.only) {
    if (target !== undefined) return layer.only.folders.some((f) => inside(target, f)) ? undefined : layer.why;
    return layer.only.packages.includes(packageName(spec)) ? undefined : layer.why;
  }
  if (target !== undefined && layer.not.some((f) => inside(target, f))) return layer.why;
  return undefined;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the layer rules' }, schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const check = (node) => {
      const spec = node.source?.type === 'Literal' ? node.source.value : undefined;
      if (typeof spec !== 'string') return;
      const staticValue = node.type !== 'ImportExpression' && node.importKind !== 'type' && node.exportKind !== 'type';
      const why = staticValue && inside(file, 'src') && packageName(spec) === WORKSPACE_PACKAGE
        ? 'the production app loads the local workspace with import() in local mode only, so its image can leave it out'
        : problem(file, spec);
      if (why) context.report({ node: node.source, message: `${why} ('${spec}').` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layersPlugin = { rules: { imports: rule } };
