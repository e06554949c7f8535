import type { Clock } from '../clock.js';
import type { Executor } from '../db/client.js';
import type { NewActionItem } from '../domain/action-item.js';
import { DomainError } from '../domain/errors.js';
import { incidentRef, type Incident } from '../domain/incident.js';
import { LOCALES, peopleOf, renderPostmortem, strings, VARIANTS, type Locale, type PostmortemInput, type Variant } from '../domain/postmortem/index.js';
import type { CadenceMinutes } from '../domain/severity.js';
import type { ActionItem } from '../domain/timeline.js';
import { authorize, lockIncident, withLockedIncident, type TransactionDeps } from './incident-transaction.js';

export interface PostmortemServiceDeps extends TransactionDeps {
  clock: Clock;
  cadence: CadenceMinutes;
  /** IANA zone every time in the draft is shown in (config.exportTimeZone). */
  timeZone: string;
  /** The workspace default (config.postmortemLocale). */
  defaultLocale: Locale;
}

export interface DraftRequest {
  locale?: Locale;
  variant?: Variant;
}

export interface Draft {
  incident: Incident;
  locale: Locale;
  variant: Variant;
  fileName: string;
  title: string;
  markdown: string;
}

export { VARIANTS };
export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);
export const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

/**
 * The postmortem draft: loads everything it is made of from Postgres (one snapshot) and renders it
 * with the pure renderer. The same incident and request always give the same bytes, so the Slack
 * upload, the HTTP export and the CLI agree.
 */
export class PostmortemService {
  constructor(private readonly deps: PostmortemServiceDeps) {}

  /** The same service, applying each change once per `key` (a view submission, a command, a click). */
  forRequest(key: string): PostmortemService {
    return new PostmortemService({ ...this.deps, requestKey: key });
  }

  get defaultLocale(): Locale {
    return this.deps.defaultLocale;
  }

  /** The renderer's input for an incident, or undefined when there is no such incident. */
  async load(incidentId: number, ex: Executor = this.deps.db): Promise<PostmortemInput | undefined> {
    const { repos } = this.deps;
    const incident = await repos.incidents.findById(ex, incidentId);
    if (!incident) return undefined;
    // One after another: inside a transaction they share one connection.
    const timeline = await repos.timeline.listForIncident(ex, incidentId);
    const updates = await repos.updates.listForIncident(ex, incidentId);
    const actionItems = await repos.actionItems.listForIncident(ex, incidentId);
    const resolution = await repos.incidents.resolution(ex, incidentId);
    const loaded = { incident, timeline, updates, actionItems, resolution };
    // Names cached by delivery (PostmortemPublisher); an id nobody looked up yet is shown as the id.
    const userNames = await repos.slackUsers.namesFor(ex, peopleOf(loaded));
    const checklists = await repos.runbooks.listForIncident(ex, incidentId);
    return { ...loaded, userNames, cadence: this.deps.cadence, checklists };
  }

  /** The Slack user ids the incident's draft may name; empty when there is no such incident. */
  async people(incidentId: number): Promise<string[]> {
    const input = await this.deps.db.transaction((tx) => this.load(incidentId, tx));
    return input ? peopleOf(input) : [];
  }

  /** The draft as Markdown; undefined when the incident is unknown. */
  async draft(incidentId: number, request: DraftRequest = {}): Promise<Draft | undefined> {
    const input = await this.deps.db.transaction((tx) => this.load(incidentId, tx));
    if (!input) return undefined;
    const locale = request.locale ?? this.deps.defaultLocale;
    const variant = request.variant ?? 'internal';
    const markdown = renderPostmortem(input, { locale, variant, timeZone: this.deps.timeZone });
    const ref = incidentRef(input.incident.id);
    const suffix = `${variant === 'external' ? '-customer' : ''}${locale === 'en' ? '' : `-${locale}`}`;
    return {
      incident: input.incident,
      locale,
      variant,
      fileName: `${ref}-postmortem${suffix}.md`,
      title: strings(locale).fileTitle(ref, variant),
      markdown,
    };
  }

  /** Records follow-up action items (each a timeline event); the incident may be open or resolved. */
  async addActionItems(incidentId: number, actorId: string, items: NewActionItem[]): Promise<ActionItem[]> {
    if (items.length === 0) throw new DomainError('invalid_input', (t) => t.errors.actionItemTitleMissing);
    await authorize(this.deps, 'add_followup', actorId, incidentId);
    return withLockedIncident(this.deps, incidentId, lockIncident, async ({ tx, repos, now, writer }) => {
      const saved: ActionItem[] = [];
      for (const item of items) {
        const added = await repos.actionItems.insert(tx, incidentId, item, now);
        await writer.record('action_item_added', actorId, { actionItemId: added.id, title: added.title, horizon: added.horizon });
        saved.push(added);
      }
      return saved;
    });
  }

  /** `/incident postmortem [en|ko] [internal|external]`: the draft written again from what is recorded now, as its next version. */
  async requestPublish(incidentId: number, actorId: string, request: DraftRequest = {}): Promise<Incident> {
    await authorize(this.deps, 'regenerate_postmortem', actorId, incidentId);
    const locale = request.locale ?? this.deps.defaultLocale;
    const variant = request.variant ?? 'internal';
    return withLockedIncident(this.deps, incidentId, lockIncident, async ({ incident, writer }) => {
      await writer.record('postmortem_generated', actorId, { locale, variant });
      await writer.enqueue({ kind: 'postmortem.publish', locale, variant });
      return incident;
    });
  }
}
