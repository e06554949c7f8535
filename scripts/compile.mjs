/**
 * `npm start`'s build (its prestart): the TypeScript of the app (src → dist) and of the local
 * workspace (packages/slack-workspace/src → its dist), transpiled file by file without type
 * checking, in well under a second. The bot then runs as plain JavaScript, as the production image
 * does: running through tsx kept its loader thread, esbuild's worker and their heaps resident,
 * about 100 MiB. Type checking stays with `npm run typecheck` and the image's `npm run build` (tsc).
 */
import { build } from 'esbuild';

const trees = [
  { from: 'src', to: 'dist' },
  { from: 'packages/slack-workspace/src', to: 'packages/slack-workspace/dist' },
];

for (const { from, to } of trees) {
  await build({
    entryPoints: [`${from}/**/*.ts`],
    outdir: to,
    outbase: from,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
