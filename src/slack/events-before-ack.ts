import {
  App,
  HTTPModuleFunctions,
  defaultProcessEventErrorHandler as defaultSocketModeErrorHandler,
  type AppOptions,
  type Context,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '../logger.js';
import { withinDeadline } from './deadline.js';

/** An Events API delivery not acknowledged: its changes were not written in time, so Slack sends it again. */
export class EventNotRecorded extends Error {}

type Outcome = { ok: true } | { ok: false; error: unknown };

/** One delivery's acknowledgement, held until its listeners have written what it changes. */
class EventReceipt {
  readonly settled: Promise<Outcome>;
  private settle!: (outcome: Outcome) => void;

  constructor() {
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  recorded(): void {
    this.settle({ ok: true });
  }

  failed(error: unknown): void {
    this.settle({ ok: false, error });
  }
}

const RECEIPT = 'eventReceipt';

function receiptOf(context: Context): EventReceipt | undefined {
  const receipt: unknown = context[RECEIPT];
  return receipt instanceof EventReceipt ? receipt : undefined;
}

/**
 * For a listener whose event is written and whose remaining work talks to Slack (a mention's
 * answer): acknowledges the event now, so a slow Slack cannot make it look lost.
 */
export function eventRecorded(context: Context): void {
  receiptOf(context)?.recorded();
}

const isHeldEvent = (body: Record<string, unknown>): boolean => {
  if (body['type'] !== 'event_callback') return false;
  const event: unknown = body['event'];
  return !(typeof event === 'object' && event !== null && 'type' in event && event.type === 'function_executed');
};

/**
 * Bolt acknowledges an Events API delivery as it arrives, so a database failure at that moment
 * would lose the event: Slack does not resend what was acknowledged. This App acknowledges an
 * event only once its listeners have finished (or said it is written, `eventRecorded`), within
 * `deadlineMs`; failed or late, the delivery is refused (`EventNotRecorded`): over HTTP with a 503
 * before Slack's 3 s, in Socket Mode by no acknowledgement, and Slack sends it again. Its event
 * id, written with its changes, makes the resent event apply once. Commands, actions and views are
 * untouched: their listeners acknowledge them as before.
 */
export class EventsBeforeAckApp extends App {
  constructor(
    options: AppOptions,
    private readonly events: { deadlineMs: number; logger: Logger },
  ) {
    super(options);
    this.use(async ({ context, next }) => {
      try {
        await next();
      } catch (error) {
        receiptOf(context)?.failed(error);
        throw error;
      }
    });
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (!isHeldEvent(event.body)) return super.processEvent(event);
    const receipt = new EventReceipt();
    const held: ReceiverEvent = { ...event, ack: () => Promise.resolve(), customProperties: { ...event.customProperties, [RECEIPT]: receipt } };
    super.processEvent(held).then(
      () => receipt.recorded(),
      (error: unknown) => receipt.failed(error),
    );
    const raced = await withinDeadline(receipt.settled, this.events.deadlineMs);
    if (raced.state === 'done' && raced.value.ok) return event.ack();
    const why = raced.state === 'running' ? 'not written within the deadline' : 'could not be written';
    const eventId = typeof event.body['event_id'] === 'string' ? event.body['event_id'] : undefined;
    this.events.logger.warn({ eventId, retryNum: event.retryNum }, `event ${why}; left unacknowledged for Slack to send again`);
    throw new EventNotRecorded(`event ${eventId ?? '(no id)'} ${why}`);
  }
}

/** HTTP: an event not recorded is answered 503 (Slack retries it); other errors as Bolt answers them. */
export async function httpEventErrorHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof EventNotRecorded)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  if (!args.response.headersSent) {
    args.response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    args.response.end('The event could not be recorded yet; send it again.');
  }
  return true;
}

/** Socket Mode: an event not recorded is left unacknowledged (Slack re-delivers it); other errors as Bolt handles them. */
export async function socketEventErrorHandler(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (args.error instanceof EventNotRecorded) return false;
  return defaultSocketModeErrorHandler(args);
}
