import type { ActionItem } from './timeline.js';

/** An action item as the resolve and follow-up modals gather it, before it is stored. */
export type NewActionItem = Pick<ActionItem, 'title' | 'ownerId' | 'horizon' | 'dueDate' | 'done'>;
