import { ZodError } from 'zod';
import { AppError } from '../app/app-error';
import { isKvsRateLimited } from '../adapters/kvs/kvs-rate-limit';
import type { Request } from '@forge/resolver';
import type { ResolverResult } from '../shared/resolver-contract';

/** One resolver function as Forge calls it, answering the contract's `answer` type for it. */
type ResolverFunction<Answer> = (request: Request) => Promise<ResolverResult<Answer>>;

/**
 * A resolver's function table, held to the contract's map of that page's functions (src/shared/resolver-contract.ts):
 * every function named there is defined, none other, and each answers its declared type.
 */
export type ResolverTable<Functions extends { [Name in keyof Functions]: { answer: unknown } }> = {
  [Name in keyof Functions]: ResolverFunction<Functions[Name]['answer']>;
};

/** The same, for tables whose entries are given their name first (the name is logged when one fails unexpectedly). */
export type NamedResolverTable<Functions extends { [Name in keyof Functions]: { answer: unknown } }> = {
  [Name in keyof Functions]: (name: string) => ResolverFunction<Functions[Name]['answer']>;
};

/**
 * Runs one resolver call and answers a `ResolverResult`. Expected failures keep their code and message;
 * validation failures name the offending field (never the caller's own field names or values); anything else is
 * logged here and answered as INTERNAL, so no stack trace, SDK message or secret ever reaches the browser.
 */
export async function respond<T>(resolverName: string, work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    if (isKvsRateLimited(error)) {
      return {
        ok: false,
        error: { code: 'RATE_LIMITED', message: "The app's storage is busy on this site right now; try again in a minute." },
      };
    }
    if (error instanceof ZodError) return { ok: false, error: { code: 'INVALID_INPUT', message: validationMessage(error) } };
    // Only the error's class and the resolver's name: messages from SDKs can quote request data.
    console.error(`${resolverName} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' } };
  }
}

/**
 * The first problem, where it is and what was expected. Paths are made of the schema's own field names (the
 * payload schemas are strict objects and arrays, with no caller-named keys); a field the schema does not know is
 * the one thing whose name comes from the caller, so it is not repeated back.
 */
function validationMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request: unexpected shape.';
  const where = issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
  const what = issue.code === 'unrecognized_keys' ? 'it has a field this function does not take' : issue.message;
  return `Invalid request${where}: ${what}.`;
}
