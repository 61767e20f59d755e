import { InvocationError, InvocationErrorCode } from '@forge/events';

/** What a queue consumer returns to have the platform deliver the same event again after `seconds`. */
export function retryLater(seconds: number): InvocationError {
  return new InvocationError({ retryAfter: Math.max(1, Math.round(seconds)), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
