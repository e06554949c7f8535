/** Test helpers that read a rendered Markdown document back. */

export function headings(doc: string): string[] {
  return doc.split('\n').filter((l) => l.startsWith('#'));
}

/** Lines between the heading `heading` (exact line) and the next heading of the same or higher level. */
export function section(doc: string, heading: string): string[] {
  const lines = doc.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`missing heading ${heading}`);
  const level = /^#+/.exec(heading)![0].length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^(#+) /.exec(line);
    if (m && m[1]!.length <= level) break;
    out.push(line);
  }
  return out;
}

/** `|` characters not escaped by a backslash. */
export function unescapedPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

/** Every table (consecutive lines starting with `|`) has the same unescaped `|` count on every row. */
export function tablesIntact(doc: string): boolean {
  const lines = doc.split('\n');
  let expected: number | null = null;
  for (const line of lines) {
    if (line.startsWith('|')) {
      const n = unescapedPipes(line);
      if (expected === null) expected = n;
      else if (n !== expected) return false;
    } else {
      expected = null;
    }
  }
  return true;
}

export const CHECKBOX = /^\s*[-*+] \[[ xX]\]/;
