import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Repositories } from '../db/repositories/index.js';
import type { OutboxMessage } from '../db/repositories/outbox-repository.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import type { Locale } from '../domain/postmortem/index.js';
import type { OutboxIntent } from '../services/outbox-messages.js';
import type { Draft, DraftRequest } from '../services/postmortem-service.js';
import type { SlackFileUploader, SharedFile } from './slack-file-uploader.js';

/** Keys in slack_messages: the shared file (`ts` holds its id) and its permalink (`ts` holds the URL). */
export const POSTMORTEM_FILE_KEY = 'postmortem';
export const POSTMORTEM_LINK_KEY = 'postmortem_link';
const pendingKey = (outboxId: number) => `postmortem:outbox:${outboxId}`;

export interface PostmortemPublisherDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
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
    const { repos, db, uploader, clock } = this.deps;
    if (!incident.channelId) throw new Error(`${incidentRef(incident.id)} has no channel yet`);
    const channel = incident.channelId;
    await this.deps.users.refresh(await this.deps.drafts.people(incident.id));
    const draft = await this.deps.drafts.draft(incident.id, { locale, variant: 'internal' });
    if (!draft) throw Object.assign(new Error(`incident ${incident.id} is gone`), { permanent: true });

    const pending = await repos.messages.find(db, incident.id, pendingKey(message.id));
    let shared: SharedFile | undefined = pending ? await uploader.findShared(pending.ts, channel) : undefined;
    if (!shared) {
      const fileId = await uploader.upload({ fileName: draft.fileName, content: draft.markdown });
      await repos.messages.save(db, incident.id, pendingKey(message.id), { channelId: channel, ts: fileId });
      shared = await uploader.share(fileId, {
        title: draft.title,
        channel,
        initialComment:
          `:page_facing_up: Postmortem draft for ${incidentRef(incident.id)}, written from the timeline. ` +
          'Fill in the prompts, then share it. `/incident postmortem` writes it again after more notes or follow-ups.',
      });
    }
    await repos.messages.save(db, incident.id, POSTMORTEM_FILE_KEY, { channelId: channel, ts: shared.id });
    if (shared.permalink) {
      await repos.messages.save(db, incident.id, POSTMORTEM_LINK_KEY, { channelId: channel, ts: shared.permalink });
    }
    const sync: OutboxIntent = { kind: 'announcement.sync' };
    await repos.outbox.enqueue(db, { incidentId: incident.id, kind: sync.kind, payload: sync as unknown as Record<string, unknown>, now: clock.now() });
  }
}
