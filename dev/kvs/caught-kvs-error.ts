/**
 * Test helper: awaits a promise that must reject with the client's `ForgeKvsAPIError` and returns that
 * error, so a test can assert on its `code` and `responseDetails.status` in plain expectations.
 */
import { ForgeKvsAPIError } from '@forge/kvs';

export async function caughtKvsError(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw new Error(`Expected a ForgeKvsAPIError, got ${String(error)}`);
  }
  throw new Error('Expected a ForgeKvsAPIError, but the call succeeded');
}
