import type { Clock } from '../clock.js';
import type { CadenceMinutes } from '../domain/severity.js';
import type { Logger } from '../logger.js';
import type { EventService } from '../services/event-service.js';
import type { IncidentService } from '../services/incident-service.js';

/** What the Slack surface may use: services, never repositories. */
export interface SlackDeps {
  incidents: IncidentService;
  events: EventService;
  clock: Clock;
  cadence: CadenceMinutes;
  logger: Logger;
}
