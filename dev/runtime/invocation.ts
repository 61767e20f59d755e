import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * One run of one app function, as Forge would start it. On Forge each invocation gets its own runtime; here
 * many may run at once in one process, so the current one travels with the async call chain.
 */
export interface Invocation {
  id: string;
  functionKey: string;
  moduleKey: string;
  /** The user the platform runs this for; undefined for scheduled triggers, queue jobs and product events. */
  principalAccountId: string | undefined;
  /** When it started and when Forge stops it (epoch ms). */
  startedAt: number;
  deadline: number;
  /** Test hook (see `LocalPlatform.crashNextInvocation`): the invocation dies once it has made this many requests. */
  crash?: InvocationCrash;
}

/**
 * A planned crash: after `afterRequests` requests (KVS, product, queue) the invocation is killed. Its next
 * request never answers and the platform sees the function die at that moment, as if Forge had killed the
 * runtime: no catch block, no `finally`, no further write runs.
 */
export interface InvocationCrash {
  afterRequests: number;
  made: number;
  kill: () => void;
}

const current = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return current.getStore();
}

export function runInvocation<T>(
  details: Omit<Invocation, 'id' | 'deadline' | 'startedAt'> & { timeoutSeconds: number },
  work: () => Promise<T>,
): Promise<T> {
  const { timeoutSeconds, ...rest } = details;
  const startedAt = Date.now();
  const invocation: Invocation = { ...rest, id: randomUUID(), startedAt, deadline: startedAt + timeoutSeconds * 1000 };
  return current.run(invocation, work);
}

/** Whether the running invocation is past its time limit: Forge has stopped it, so nothing it asks is answered. */
export function pastDeadline(invocation: Invocation | undefined): boolean {
  return invocation !== undefined && Date.now() > invocation.deadline;
}
