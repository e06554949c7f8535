import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { duplicateItemIndex, runbookFileSchema, runbookFromFile, type Runbook } from '../domain/runbooks/index.js';

/** The default set shipped in the repository (and copied into the image): `runbooks/` beside `src/` or `dist/`. */
export const DEFAULT_RUNBOOKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../runbooks');

/** One thing wrong with one file, at one line. */
export interface RunbookProblem {
  file: string;
  line: number;
  message: string;
}

export class RunbooksInvalid extends Error {
  constructor(readonly problems: RunbookProblem[]) {
    super(`Runbooks are not valid:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n')}`);
    this.name = 'RunbooksInvalid';
  }
}

type Path = readonly (string | number)[];

const isRunbookFile = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Reads every `*.yaml` / `*.yml` in `dir` (sorted by name, so attachment order is stable), checks
 * each against the format and the ids across files, and throws RunbooksInvalid naming every
 * problem with its file and line. Read once at start-up; a bad file stops start-up.
 */
export function loadRunbooks(dir: string = DEFAULT_RUNBOOKS_DIR): Runbook[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isRunbookFile).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new RunbooksInvalid([{ file: dir, line: 0, message: `cannot read the folder (${code}); set RUNBOOKS_DIR to a folder of runbook files` }]);
  }
  const problems: RunbookProblem[] = [];
  const runbooks: Runbook[] = [];
  const firstFileOf = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const checked = checkFile(file, readFileSync(file, 'utf8'));
    if ('problems' in checked) {
      problems.push(...checked.problems);
      continue;
    }
    const earlier = firstFileOf.get(checked.runbook.id);
    if (earlier) {
      problems.push({ file, line: checked.idLine, message: `id: "${checked.runbook.id}" is already the id of a runbook in ${earlier}` });
      continue;
    }
    firstFileOf.set(checked.runbook.id, file);
    runbooks.push(checked.runbook);
  }
  if (problems.length > 0) throw new RunbooksInvalid(problems);
  return runbooks;
}

type Checked = { runbook: Runbook; idLine: number } | { problems: RunbookProblem[] };

/** One file: YAML syntax, then the format (every issue at its node's line), then ids within it. */
export function checkFile(file: string, text: string): Checked {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? lineAt(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` })) };
  }
  const parsed = runbookFileSchema.safeParse(doc.toJS() ?? undefined, { reportInput: true });
  if (!parsed.success) {
    const found = parsed.error.issues.map((issue) => ({ file, line: lineAt(offsetOf(doc, issue)), message: describe(issue) }));
    return { problems: found.sort((a, b) => a.line - b.line) };
  }
  const duplicate = duplicateItemIndex(parsed.data);
  if (duplicate >= 0) {
    const id = parsed.data.items[duplicate]!.id;
    return { problems: [{ file, line: lineAt(nodeStart(doc, ['items', duplicate, 'id'])), message: `items[${duplicate}].id: "${id}" is used by an earlier item of this runbook` }] };
  }
  return { runbook: runbookFromFile(parsed.data), idLine: lineAt(nodeStart(doc, ['id'])) };
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'the file' : pathText(issue.path as Path);
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? 'version, id, title, when, items' : issue.path[0] === 'when' ? 'severity, scenario' : 'id, text, role, due_after, link, warn';
    return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (version 1 has ${known})`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: is required (${issue.expected})`;
  return `${where}: ${issue.message}`;
}

function pathText(p: Path): string {
  return p.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Where the issue is: the unknown key itself, else the node at its path, else the nearest parent that exists. */
function offsetOf(doc: Document, issue: z.core.$ZodIssue): number | undefined {
  const at = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const parent = at.length === 0 ? doc.contents : doc.getIn(at, true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && issue.keys.includes(String(p.key.value)));
      if (pair && isScalar(pair.key)) return pair.key.range?.[0];
    }
  }
  for (let depth = at.length; depth >= 0; depth--) {
    const start = nodeStart(doc, at.slice(0, depth));
    if (start !== undefined) return start;
  }
  return undefined;
}

function nodeStart(doc: Document, at: Path): number | undefined {
  const node: unknown = at.length === 0 ? doc.contents : doc.getIn(at, true);
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) return node.range[0] as number;
  return undefined;
}
