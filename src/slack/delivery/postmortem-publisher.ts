import { incidentRef, type Incident } from '../../domain/incident.js';
import { draftFileName, type Locale, type Variant } from '../../domain/postmortem/index.js';
import type { Texts } from '../../domain/texts/index.js';
import { DeliveryDeferred, PermanentDeliveryError } from '../../outbox/failure.js';
import type { OutboxMessage } from '../../outbox/outbox-repository.js';
import type { DeliveryService, DraftVersion } from '../../services/delivery-service.js';
import type { Draft, DraftRequest } from '../../services/postmortem-service.js';
import { draftMessage } from '../blocks/draft-message.js';
import { draftMessageKey, POSTMORTEM_FILE_KEY, POSTMORTEM_LINK_KEY } from './message-keys.js';
import type { SlackFileUploader } from './slack-file-uploader.js';
import type { SlackPoster } from './slack-poster.js';

export interface PostmortemPublisherDeps {
  delivery: DeliveryService;
  drafts: {
    draft(incidentId: number, request?: DraftRequest): Promise<Draft | undefined>;
    /** The user ids the draft may name. */
    people(incidentId: number): Promise<string[]>;
  };
  uploader: SlackFileUploader;
  poster: SlackPoster;
  /** Caches the names of those people (users.info); best effort, never throws for Slack's sake. */
  users: { refresh(ids: readonly string[]): Promise<void> };
  /** The channel's language (BOT_LOCALE) for the draft's message; the draft keeps its own. */
  texts: Texts;
}

/**
 * `postmortem.publish`: renders the draft from Postgres now, uploads it as the next version of its
 * language and variant (a file name of its own), and shows it in the channel's one message for that
 * draft: posted the first time, edited in place after (`chat.update` with the new file), listing
 * the versions it replaced. Every step is safe to repeat: the version is recorded against the
 * outbox row before the message changes, and the post carries the outbox id.
 */
export class PostmortemPublisher {
  constructor(private readonly deps: PostmortemPublisherDeps) {}

  async publish(message: OutboxMessage, incident: Incident, request: { locale?: Locale; variant: Variant }): Promise<void> {
    const { delivery, poster } = this.deps;
    if (!incident.channelId) throw new DeliveryDeferred(`${incidentRef(incident.id)} has no channel yet`);
    const channel = incident.channelId;
    const current = (await delivery.draftVersionOf(message.id)) ?? (await this.uploadNextVersion(message, incident, request));
    const { locale, variant } = current;
    const versions = await delivery.draftVersions(incident.id, locale, variant);
    const rendered = draftMessage({ incident, locale, variant, current, earlier: versions.filter((v) => v.version < current.version), texts: this.deps.texts });

    const key = draftMessageKey(locale, variant);
    let posted = await delivery.message(incident.id, key);
    if (!posted) {
      posted = { channelId: channel, ts: await poster.post(message, { channel }, rendered) };
      await delivery.recordMessage(incident.id, key, posted);
    }
    await poster.update(posted.channelId, posted.ts, rendered, { fileIds: [current.fileId] });
    await delivery.recordPostmortemShared(
      incident.id,
      { channelId: posted.channelId, fileId: current.fileId, permalink: current.permalink },
      variant === 'internal' ? { file: POSTMORTEM_FILE_KEY, link: POSTMORTEM_LINK_KEY } : undefined,
    );
  }

  /** Looks up the names not cached yet (or a day old), renders and uploads the draft, and records it as the next version. */
  private async uploadNextVersion(message: OutboxMessage, incident: Incident, request: DraftRequest): Promise<DraftVersion> {
    const { delivery, uploader } = this.deps;
    await this.deps.users.refresh(await this.deps.drafts.people(incident.id));
    const draft = await this.deps.drafts.draft(incident.id, request);
    if (!draft) throw new PermanentDeliveryError(`incident ${incident.id} is gone`);
    const { locale, variant } = draft;
    const earlier = await delivery.draftVersions(incident.id, locale, variant);
    const version = (earlier.at(-1)?.version ?? 0) + 1;
    const fileName = draftFileName(incident.id, locale, variant, version);
    const file = await uploader.upload({ fileName, title: `${draft.title} v${version}`, content: draft.markdown });
    return delivery.recordDraftVersion({
      incidentId: incident.id, locale, variant, version, fileId: file.id, fileName, permalink: file.permalink, outboxId: message.id,
    });
  }
}
