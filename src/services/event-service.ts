import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { ProcessedEventRepository } from '../db/repositories/processed-event-repository.js';

/** Slack retries events it thinks were lost; this remembers which ones were handled. */
export class EventService {
  constructor(
    private readonly db: Db,
    private readonly repo: ProcessedEventRepository,
    private readonly clock: Clock,
  ) {}

  firstSeen(eventId: string): Promise<boolean> {
    return this.repo.markFirstSeen(this.db, eventId, this.clock.now());
  }
}
