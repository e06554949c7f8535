/**
 * `npm run runbooks:check [DIR]`: checks a folder of runbook files as start-up does (DIR, else
 * RUNBOOKS_DIR, else the shipped `runbooks/`). Prints each problem as `file:line: what`; exit 0
 * when every file is valid, 1 otherwise, for a team's own CI.
 */
import { ConfigError, loadConfig } from '../config.js';
import { DEFAULT_RUNBOOKS_DIR, loadRunbooks, RunbooksInvalid } from '../composition/runbooks-dir.js';

function checkRunbooks(dir: string | undefined): { code: 0 | 1; output: string } {
  try {
    const folder = dir ?? loadConfig().runbooksDir ?? DEFAULT_RUNBOOKS_DIR;
    const runbooks = loadRunbooks(folder);
    const items = runbooks.reduce((n, r) => n + r.items.length, 0);
    return { code: 0, output: `${folder}: ${runbooks.length} runbooks, ${items} items, all valid` };
  } catch (err) {
    if (err instanceof RunbooksInvalid || err instanceof ConfigError) return { code: 1, output: err.message };
    throw err;
  }
}

const result = checkRunbooks(process.argv[2]);
(result.code === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
process.exitCode = result.code;
