import type { Incident } from '../domain/incident.js';
import { PHASES } from '../domain/insights/phases.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { InsightsService } from '../services/insights-service.js';

/**
 * Observes a resolved incident's phases in `incident_bot_incident_phase_seconds`, as insights
 * count them (peak severity; drills and missing milestones left out). After the commit, in the
 * background: a failure here is logged and never reaches the person who resolved it.
 */
export function observePhasesOnResolution(deps: { insights: InsightsService; metrics: Metrics; logger: Logger }) {
  return (incident: Incident): void => {
    void (async () => {
      const phases = await deps.insights.resolvedIncident(incident);
      if (!phases || phases.isDrill) return;
      for (const phase of PHASES) {
        const minutes = phases.minutes[phase];
        if (minutes !== null) deps.metrics.phaseSeconds.observe({ phase, severity: phases.peakSeverity }, minutes * 60);
      }
    })().catch((error: unknown) => deps.logger.warn({ err: error, incidentId: incident.id }, 'phase histogram not observed'));
  };
}
