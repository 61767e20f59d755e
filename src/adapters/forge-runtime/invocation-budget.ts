import { getAppContext } from '@forge/api';
import type { WorkBudget } from '../../ports';

/** The running invocation's remaining time, as Forge reports it (unbounded outside an invocation). */
export class InvocationBudget implements WorkBudget {
  remainingMs(): number {
    try {
      return getAppContext().invocationRemainingTimeInMillis();
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
}
