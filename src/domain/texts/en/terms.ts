import type { Role, Scenario, Status } from '../../incident.js';
import type { Severity } from '../../severity.js';

/** The domain's words: labels of statuses, roles, scenarios and what each severity means. */
export const terms = {
  status: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' } satisfies Record<Status, string>,
  role: { commander: 'Commander', comms: 'Communications lead', scribe: 'Scribe' } satisfies Record<Role, string>,
  scenario: {
    database: 'Database outage',
    redis: 'Redis / rate-limit backend outage',
    deploy: 'Deploy / release incident',
    overload: 'Overload / traffic surge',
    other: 'Other',
  } satisfies Record<Scenario, string>,
  /** Severity names stay SEV-1..SEV-3 in every language, as the runbook writes them; this is what each means. */
  severityMeaning: {
    sev1: 'Complete outage or critical data-integrity risk',
    sev2: 'Major degradation of key workflows',
    sev3: 'Partial degradation with a workaround',
  } satisfies Record<Severity, string>,
};
