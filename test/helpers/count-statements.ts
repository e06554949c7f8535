import pg from 'pg';

/**
 * Counts every statement any pg.Client sends from now on (BEGIN and COMMIT included), except
 * those of `exclude` (an observer's own connection), until `restore`.
 */
export function countStatements(exclude: () => pg.Client | undefined = () => undefined): { count: () => number; restore: () => void } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = Object.getOwnPropertyDescriptor(proto, 'query')!;
  const send = original.value as (...args: unknown[]) => unknown;
  let statements = 0;
  Object.defineProperty(proto, 'query', {
    ...original,
    value: function (this: pg.Client, ...args: unknown[]) {
      if (this !== exclude()) statements += 1;
      return send.apply(this, args);
    },
  });
  return { count: () => statements, restore: () => Object.defineProperty(proto, 'query', original) };
}
