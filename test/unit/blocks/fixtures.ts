import { DateTime } from 'luxon';
import type { Incident } from '../../../src/domain/incident.js';
import type { StatusUpdate } from '../../../src/domain/timeline.js';
import type { ViewStateValue, ViewStateValues } from '../../../src/slack/blocks/view-state.js';
import type { InputId } from '../../../src/slack/ids.js';

export const T0 = DateTime.fromISO('2024-11-21T05:00:00Z', { zone: 'utc' });

export const HOSTILE = '<!channel> & <https://evil|click>';

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 42,
    title: 'Checkout API returning 5xx',
    severity: 'sev1',
    status: 'investigating',
    scenario: 'database',
    impact: 'All checkout requests fail in ap-northeast-2',
    commanderId: 'UCMDR',
    commsLeadId: null,
    scribeId: null,
    declaredBy: 'UCMDR',
    channelId: 'CINC42',
    channelName: 'inc-42-checkout-api-returning-5xx',
    startedAt: T0.minus({ minutes: 10 }),
    detectedAt: T0.minus({ minutes: 5 }),
    declaredAt: T0,
    lastUpdateAt: null,
    nextUpdateDueAt: T0.plus({ minutes: 15 }),
    resolvedAt: null,
    isDrill: false, isPrivate: false,
    ...overrides,
  };
}

export function makeUpdate(overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return {
    id: 7,
    incidentId: 42,
    authorId: 'UCMDR',
    status: 'identified',
    severity: 'sev1',
    fields: {
      impact_scope: '/api/checkout in all regions',
      customer_impact: 'Customers cannot pay',
      workaround: 'None',
      mitigation_eta: '15:30 KST',
      recovery_eta: 'unknown',
      summary: 'Failing over the primary database',
    },
    postedAt: T0.plus({ minutes: 14 }),
    ...overrides,
  };
}

/** Builds Slack's `view.state.values` shape. */
export class StateBuilder {
  readonly values: ViewStateValues = {};

  private set(id: InputId, v: ViewStateValue): this {
    this.values[id.block] = { [id.action]: v };
    return this;
  }
  text(id: InputId, value: string | null): this {
    return this.set(id, { type: 'plain_text_input', value });
  }
  select(id: InputId, value: string | null): this {
    return this.set(id, { type: 'static_select', selected_option: value === null ? null : { value } });
  }
  radio(id: InputId, value: string | null): this {
    return this.set(id, { type: 'radio_buttons', selected_option: value === null ? null : { value } });
  }
  user(id: InputId, value: string | null): this {
    return this.set(id, { type: 'users_select', selected_user: value });
  }
  checkboxes(id: InputId, values: string[]): this {
    return this.set(id, { type: 'checkboxes', selected_options: values.map((value) => ({ value })) });
  }
  dateTime(id: InputId, unix: number | null): this {
    return this.set(id, { type: 'datetimepicker', selected_date_time: unix });
  }
}
