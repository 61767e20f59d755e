import { ZodError } from 'zod';
import { AppError } from '../app/app-error';
import { isKvsRateLimited } from '../adapters/kvs/kvs-rate-limit';
import type { ResolverResult } from '../shared/resolver-contract';

/**
 * Runs one resolver call and answers a `ResolverResult`. Expected failures keep their code and message;
 * validation failures name the offending field; anything else is logged here and answered as INTERNAL,
 * so no stack trace, SDK message or secret ever reaches the browser.
 */
export async function respond<T>(resolverName: string, work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    if (isKvsRateLimited(error)) {
      return { ok: false, error: { code: 'RATE_LIMITED', message: "The app's storage is busy on this site right now; try again in a minute." } };
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid request${where}: ${issue?.message ?? 'unexpected shape'}.` } };
    }
    // Only the error's class and the resolver's name: messages from SDKs can quote request data.
    console.error(`${resolverName} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' } };
  }
}
