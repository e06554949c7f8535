import type { ModalView } from '@slack/types';
import type { Incident } from '../../domain/incident.js';
import type { Texts } from '../../domain/texts/index.js';
import { updateModal } from '../blocks/update-modal.js';
import { SUMMARY_FIELD } from '../blocks/status-update-message.js';
import type { SlackDeps } from '../deps.js';

/**
 * The update form starts from the last update's report fields: at a 15-minute cadence most of
 * them still hold, and the commander edits what changed. The summary starts empty on purpose. In
 * the language of the person opening it.
 */
export async function updateFormFor(incident: Incident, deps: SlackDeps, texts: Texts): Promise<ModalView> {
  const last = await deps.incidents.lastUpdate(incident.id);
  const initial = Object.fromEntries(Object.entries(last?.fields ?? {}).filter(([field]) => field !== SUMMARY_FIELD));
  return updateModal({ incident, initial }, texts);
}
