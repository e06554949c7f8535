/** Walks message catalogs for tests: every leaf rendered, and the English sentences among them. */
type Leaf = string | ((...args: never[]) => string);
interface Tree {
  [key: string]: Leaf | Tree;
}

/** Stand-ins for placeholders, recognisable in a rendered text. */
export const sentinel = (i: number) => `⟦${i}⟧`;

export function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null;
}

/** Every leaf of a catalog by its dotted path; functions called with sentinels for their parameters. */
export function leaves(tree: object, prefix = ''): Map<string, { text: string; arity: number | null }> {
  const out = new Map<string, { text: string; arity: number | null }>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, { text: value, arity: null });
    else if (typeof value === 'function') {
      const fn = value as (...args: string[]) => string;
      out.set(path, { text: fn(...Array.from({ length: fn.length }, (_, i) => sentinel(i))), arity: fn.length });
    } else if (isTree(value)) for (const [p, leaf] of leaves(value, path)) out.set(p, leaf);
    else throw new Error(`${path}: neither text nor a function`);
  }
  return out;
}

/** Three or more Latin words in a row, outside `code`: prose, not a command's syntax. */
const PROSE = /[A-Za-z']{2,}[ ,;:]+[A-Za-z']{2,}[ ,;:]+[A-Za-z']{2,}/;

/** The English catalog's sentences: the prose pieces of its texts (between placeholders and code). */
export function englishSentences(en: object): string[] {
  const pieces = new Set<string>();
  for (const { text } of leaves(en).values()) {
    for (const piece of text.split(/⟦\d+⟧|`[^`]*`|\n/)) {
      const trimmed = piece.trim();
      if (PROSE.test(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** The English sentences found in `rendered` (a builder's JSON, say). */
export function englishLeftIn(rendered: string, en: object): string[] {
  return englishSentences(en).filter((sentence) => rendered.includes(sentence));
}
