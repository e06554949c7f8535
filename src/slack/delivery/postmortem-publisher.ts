import { incidentRef, type Incident } from '../../domain/incident.js';
import type { Locale } from '../../domain/postmortem/index.js';
import { DeliveryDeferred, PermanentDeliveryError } from '../../outbox/failure.js';
import type { OutboxMessage } from '../../outbox/outbox-repository.js';
import type { DeliveryService } from '../../services/delivery-service.js';
import type { Draft, DraftRequest } from '../../services/postmortem-service.js';
import { pendingUploadKey, POSTMORTEM_FILE_KEY, POSTMORTEM_LINK_KEY } from './message-keys.js';
import type { SlackFileUploader, SharedFile } from './slack-file-uploader.js';

export interface PostmortemPublisherDeps {
  delivery: DeliveryService;
  drafts: {
    draft(incidentId: number, request?: DraftRequest): Promise<Draft | undefined>;
    /** The user ids the draft may name. */
    people(incidentId: number): Promise<string[]>;
  };
  uploader: SlackFileUploader;
  /** Caches the names of those people (users.info); best effort, never throws for Slack's sake. */
  users: { refresh(ids: readonly string[]): Promise<void> };
}

/**
 * `postmortem.publish`: looks up the names of the incident's people not cached yet (or a day
 * old), renders the draft from Postgres now, uploads it into the incident channel
 * and records where it is, then has the #incidents announcement re-rendered with the link.
 * A retry first asks Slack whether the file of an earlier attempt was already shared.
 */
export class PostmortemPublisher {
  constructor(private readonly deps: PostmortemPublisherDeps) {}

  async publish(message: OutboxMessage, incident: Incident, locale: Locale | undefined): Promise<void> {
    const { delivery, uploader } = this.deps;
    if (!incident.channelId) throw new DeliveryDeferred(`${incidentRef(incident.id)} has no channel yet`);
    const channel = incident.channelId;
    await this.deps.users.refresh(await this.deps.drafts.people(incident.id));
    const draft = await this.deps.drafts.draft(incident.id, { locale, variant: 'internal' });
    if (!draft) throw new PermanentDeliveryError(`incident ${incident.id} is gone`);

    const pending = await delivery.message(incident.id, pendingUploadKey(message.id));
    let shared: SharedFile | undefined = pending ? await uploader.findShared(pending.ts, channel) : undefined;
    if (!shared) {
      const fileId = await uploader.upload({ fileName: draft.fileName, content: draft.markdown });
      await delivery.recordMessage(incident.id, pendingUploadKey(message.id), { channelId: channel, ts: fileId });
      shared = await uploader.share(fileId, {
        title: draft.title,
        channel,
        initialComment:
          `:page_facing_up: Postmortem draft for ${incidentRef(incident.id)}, written from the timeline. ` +
          'Fill in the prompts, then share it. `/incident postmortem` writes it again after more notes or follow-ups.',
      });
    }
    await delivery.recordPostmortemShared(
      incident.id,
      { channelId: channel, fileId: shared.id, permalink: shared.permalink ?? null },
      { file: POSTMORTEM_FILE_KEY, link: POSTMORTEM_LINK_KEY },
    );
  }
}
