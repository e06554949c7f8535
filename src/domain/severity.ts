export const SEVERITIES = ['sev1', 'sev2', 'sev3'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ReportField {
  /** Stable key stored in status_updates.fields. */
  id: string;
  label: string;
  hint: string;
  multiline: boolean;
}

export interface SeverityInfo {
  label: string;
  meaning: string;
  defaultCadenceMinutes: number;
  reportFields: readonly ReportField[];
}

const field = (id: string, label: string, hint: string, multiline = false): ReportField => ({
  id,
  label,
  hint,
  multiline,
});

/** Runbook 001: severity levels, cadences and what every status update must state. */
export const SEVERITY_INFO: Record<Severity, SeverityInfo> = {
  sev1: {
    label: 'SEV-1',
    meaning: 'Complete outage or critical data-integrity risk',
    defaultCadenceMinutes: 15,
    reportFields: [
      field('impact_scope', 'Current impact scope', 'Which endpoints, services and regions are affected', true),
      field('customer_impact', 'Customer impact', 'What customers see right now', true),
      field('workaround', 'Workaround', 'Is there really no workaround? Say so explicitly'),
      field('mitigation_eta', 'Mitigation ETA', 'When the bleeding stops, e.g. 15:30 KST or "unknown"'),
      field('recovery_eta', 'Full recovery ETA', 'When service is fully restored'),
    ],
  },
  sev2: {
    label: 'SEV-2',
    meaning: 'Major degradation of key workflows',
    defaultCadenceMinutes: 30,
    reportFields: [
      field('impact_scope', 'Major feature impact', 'Which key workflows are degraded', true),
      field('workaround', 'Workaround', 'Whether a workaround exists, and what it is'),
      field('recovery_eta', 'Mitigation / recovery ETA', 'When it will be mitigated or recovered'),
    ],
  },
  sev3: {
    label: 'SEV-3',
    meaning: 'Partial degradation with a workaround',
    defaultCadenceMinutes: 60,
    reportFields: [
      field('impact_scope', 'Partial impact scope', 'What is partially degraded', true),
      field('workaround', 'Temporary workaround', 'The workaround users should take'),
      field('fix_schedule', 'Permanent-fix schedule', 'When the permanent fix lands'),
    ],
  },
};

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Accepts `sev1`, `SEV-1`, `sev-1`, `1`, `p1`. */
export function parseSeverity(value: string): Severity | undefined {
  const match = /^(?:sev|p)?-?([123])$/i.exec(value.trim());
  return match ? (`sev${match[1]}` as Severity) : undefined;
}

export type CadenceMinutes = Record<Severity, number>;

export const DEFAULT_CADENCE: CadenceMinutes = {
  sev1: SEVERITY_INFO.sev1.defaultCadenceMinutes,
  sev2: SEVERITY_INFO.sev2.defaultCadenceMinutes,
  sev3: SEVERITY_INFO.sev3.defaultCadenceMinutes,
};
