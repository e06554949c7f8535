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
  /**
   * What a status update must state per severity (runbook 001's SEV report format), by the field
   * id kept in status_updates.fields: its label and the hint under it in the update form.
   */
  reportField: {
    sev1: {
      impact_scope: { label: 'Current impact scope', hint: 'Which endpoints, services and regions are affected' },
      customer_impact: { label: 'Customer impact', hint: 'What customers see right now' },
      workaround: { label: 'Workaround', hint: 'Is there really no workaround? Say so explicitly' },
      mitigation_eta: { label: 'Mitigation ETA', hint: 'When the bleeding stops, e.g. 15:30 KST or "unknown"' },
      recovery_eta: { label: 'Full recovery ETA', hint: 'When service is fully restored' },
    },
    sev2: {
      impact_scope: { label: 'Major feature impact', hint: 'Which key workflows are degraded' },
      workaround: { label: 'Workaround', hint: 'Whether a workaround exists, and what it is' },
      recovery_eta: { label: 'Mitigation / recovery ETA', hint: 'When it will be mitigated or recovered' },
    },
    sev3: {
      impact_scope: { label: 'Partial impact scope', hint: 'What is partially degraded' },
      workaround: { label: 'Temporary workaround', hint: 'The workaround users should take' },
      fix_schedule: { label: 'Permanent-fix schedule', hint: 'When the permanent fix lands' },
    },
  } satisfies Record<Severity, Record<string, { label: string; hint: string }>>,
};
