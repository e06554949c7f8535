import type { Incident } from '../../domain/incident.js';
import type { OutboxMessage } from '../../outbox/outbox-repository.js';
import type { DeliveryService } from '../../services/delivery-service.js';
import type { ReaderLanguages } from '../../services/reader-languages.js';
import { followupDueMessage } from '../blocks/followup-list.js';
import type { SlackPoster } from './slack-poster.js';

/**
 * `followup.remind`: a direct message to the owner of an action item that fell due (opened with
 * conversations.open), in the owner's language. An item done or gone since it was claimed is not sent.
 */
export class FollowupReminder {
  constructor(private readonly deps: { delivery: DeliveryService; poster: SlackPoster; languages: Pick<ReaderLanguages, 'textsOf'> }) {}

  async remind(message: OutboxMessage, incident: Incident, actionItemId: number): Promise<void> {
    const item = await this.deps.delivery.actionItem(actionItemId);
    if (!item || item.done || !item.ownerId) return;
    const channel = await this.deps.poster.directMessageChannel(item.ownerId);
    await this.deps.poster.post(message, { channel }, followupDueMessage({ incident, item }, await this.deps.languages.textsOf(item.ownerId)));
  }
}
