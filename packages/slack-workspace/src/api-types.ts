import type { SandboxStore } from './store.js';

export type Params = Record<string, unknown>;

export interface ApiContext {
  store: SandboxStore;
  /** Base URL for response_url, upload URLs and permalinks. */
  publicUrl: () => string;
}

export type ApiMethod = (ctx: ApiContext, params: Params) => Record<string, unknown>;

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A form or JSON field as text: strings, numbers and booleans as written; anything else is `fallback`. */
export function text(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function int(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(text(value), 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
