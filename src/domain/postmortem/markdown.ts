/**
 * Markdown escaping for user-written text. Everything a user typed goes through one of these
 * before it reaches the document, so no text can open a heading, list, quote, checkbox, table
 * row, code span, link, emphasis or HTML tag.
 */

/** Characters that are backslash-escaped anywhere in inline text (all ASCII punctuation, CommonMark §2.4). */
const INLINE_SPECIALS = /[\\`*_[\]<>|~&!]/g;

/** Collapse every kind of line break (and tabs) to single spaces, trimmed. */
export function flatten(text: string, joiner = ' '): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .map((l) => l.replace(/[\t\f\v]/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join(joiner);
}

/** Escape a single line so it cannot start a block (heading, list, quote, rule, setext underline…). */
function escapeLineStart(line: string): string {
  // `#` headings, `-`/`+`/`=` lists, rules and setext underlines (`*`, `>`, `|`, `` ` ``, `~`, `<`
  // are already escaped everywhere).
  if (/^[#+=-]/.test(line)) return `\\${line}`;
  // Ordered list markers: `1.` / `1)`.
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/**
 * One line of inline text: newlines flattened, specials escaped, no block can start. Safe in a
 * paragraph, a list item, a heading and a table cell.
 */
export function escapeInline(text: string, joiner = ' '): string {
  const flat = flatten(text, joiner).replace(INLINE_SPECIALS, (c) => `\\${c}`);
  return escapeLineStart(flat);
}

/**
 * Multi-line user text as top-level paragraphs: each line escaped like inline text, lines kept as
 * hard breaks, runs of blank lines collapsed into one paragraph break.
 */
export function escapeBlock(text: string): string {
  const paragraphs = text
    .split(/(?:\r\n|\r|\n|\u2028|\u2029|\u0085)\s*(?:\r\n|\r|\n|\u2028|\u2029|\u0085)/)
    .map((p) => flatten(p, '\n'))
    .filter((p) => p.length > 0);
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((l) => escapeInline(l))
        .join('  \n'),
    )
    .join('\n\n');
}

/** A table cell: inline-escaped (so `|` is `\|`), newlines flattened, never empty. */
export function escapeCell(text: string): string {
  const e = escapeInline(text);
  return e.length > 0 ? e : ' ';
}

/**
 * A GFM table. Header and cells are taken as already-rendered Markdown (escape user text with
 * `escapeCell`/`escapeInline` first); missing cells are padded, extra cells dropped.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.length;
  const line = (cells: readonly string[]): string => {
    const padded = Array.from({ length: width }, (_, i) => {
      const c = cells[i] ?? '';
      return c.length > 0 ? c : ' ';
    });
    return `| ${padded.join(' | ')} |`;
  };
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Truncate to `max` code points with an ellipsis (applied before escaping). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
