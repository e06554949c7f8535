import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** A caller's own id is kept when it is this plain; anything else is replaced. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{6,64}$/;

/**
 * One id per inbound request, Socket Mode envelope, hook call and job run, carried through every
 * log line and outbox row the work causes, so a message can be traced from the request that caused
 * it to the Web API call that delivered it.
 */
export class RequestContext {
  private readonly storage = new AsyncLocalStorage<string>();

  /** Runs `work` under `id` (a fresh one when absent or unacceptable). */
  run<T>(id: string | undefined, work: () => T): T {
    return this.storage.run(id && ACCEPTABLE_ID.test(id) ? id : RequestContext.newId(), work);
  }

  current(): string | undefined {
    return this.storage.getStore();
  }

  static newId(prefix = 'r'): string {
    return `${prefix}-${randomBytes(6).toString('hex')}`;
  }
}
