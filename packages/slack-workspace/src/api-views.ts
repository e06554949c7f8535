import { createHash } from 'node:crypto';
import { isObject } from './element-validation.js';
import { str, type ApiMethod, type Params } from './api-types.js';
import type { SandboxStore } from './store.js';
import { viewJson } from './serializers.js';
import { ApiError, type StoredView } from './types.js';
import { validateView } from './view-validation.js';

function readView(params: Params): Record<string, unknown> {
  const view = params['view'];
  if (!isObject(view)) throw new ApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
  const problems = validateView(view);
  if (problems.length > 0) {
    throw new ApiError('invalid_arguments', { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
  }
  return view;
}

function newHash(store: SandboxStore): string {
  return createHash('sha1').update(store.newId('H')).digest('hex').slice(0, 20);
}

function checkExternalId(store: SandboxStore, view: Record<string, unknown>, exceptViewId?: string): string | undefined {
  const externalId = str(view['external_id']);
  if (externalId && [...store.views.values()].some((v) => v.externalId === externalId && v.id !== exceptViewId)) {
    throw new ApiError('duplicate_external_id');
  }
  return externalId;
}

/** Creates a stored view on top of the user's stack (or a new stack). */
export function pushView(store: SandboxStore, userId: string, view: Record<string, unknown>, asRoot: boolean): StoredView {
  const externalId = checkExternalId(store, view);
  const stack = asRoot ? [] : (store.viewStacks.get(userId) ?? []);
  const id = store.newId('V0');
  const previous = stack[stack.length - 1] ?? null;
  const stored: StoredView = {
    id, userId, externalId, hash: newHash(store), rootViewId: stack[0] ?? id, previousViewId: previous, view, errors: null, values: {},
  };
  store.views.set(id, stored);
  store.viewStacks.set(userId, [...stack, id]);
  store.trimViews();
  store.emitChange({ kind: 'view', userId, viewId: id });
  return stored;
}

/** Replaces a view's content in place, keeping its id; a new hash is issued. */
export function replaceView(store: SandboxStore, stored: StoredView, view: Record<string, unknown>): StoredView {
  stored.externalId = checkExternalId(store, view, stored.id) ?? stored.externalId;
  stored.view = view;
  stored.hash = newHash(store);
  stored.errors = null;
  stored.values = keptValues(stored.values, view);
  store.emitChange({ kind: 'view', userId: stored.userId, viewId: stored.id });
  return stored;
}

/** As in Slack, what was entered in an input survives an update that keeps its block_id and action_id. */
function keptValues(values: StoredView['values'], view: Record<string, unknown>): StoredView['values'] {
  const blocks = Array.isArray(view['blocks']) ? view['blocks'] : [];
  const kept: StoredView['values'] = {};
  for (const block of blocks) {
    if (!isObject(block) || block['type'] !== 'input' || !isObject(block['element'])) continue;
    const blockId = str(block['block_id']);
    const actionId = str(block['element']['action_id']);
    const value = blockId && actionId ? values[blockId]?.[actionId] : undefined;
    if (blockId && actionId && value !== undefined) kept[blockId] = { [actionId]: value };
  }
  return kept;
}

const open: ApiMethod = ({ store }, params) => {
  const view = readView(params);
  const { userId } = store.consumeTrigger(params['trigger_id']);
  return { view: viewJson(pushView(store, userId, view, true)) };
};

const push: ApiMethod = ({ store }, params) => {
  const view = readView(params);
  const { userId } = store.consumeTrigger(params['trigger_id']);
  const depth = store.viewStacks.get(userId)?.length ?? 0;
  if (depth >= 3) throw new ApiError('push_limit_reached');
  return { view: viewJson(pushView(store, userId, view, depth === 0)) };
};

const update: ApiMethod = ({ store }, params) => {
  const view = readView(params);
  const viewId = str(params['view_id']);
  const externalId = str(params['external_id']);
  if (!viewId && !externalId) throw new ApiError('invalid_arguments', { response_metadata: { messages: ['[ERROR] view_id or external_id required'] } });
  const stored = viewId ? store.views.get(viewId) : [...store.views.values()].find((v) => v.externalId === externalId);
  if (!stored) throw new ApiError('not_found');
  const hash = str(params['hash']);
  if (hash && hash !== stored.hash) throw new ApiError('hash_conflict');
  return { view: viewJson(replaceView(store, stored, view)) };
};

export const viewMethods: Record<string, ApiMethod> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
};
