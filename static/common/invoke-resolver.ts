import { invoke as invokeBridge } from '@forge/bridge';
import type {
  AnswerOf,
  PayloadOf,
  ResolverError,
  ResolverErrorCode,
  ResolverFunctionKey,
  ResolverResult,
} from '../../src/shared/resolver-contract';

/** The payload argument of a function: optional for the functions that take none. */
export type PayloadArgument<Key extends ResolverFunctionKey> =
  Record<string, never> extends PayloadOf<Key> ? [payload?: PayloadOf<Key>] : [payload: PayloadOf<Key>];

/** The functions whose answer is `Answer` (a connection section's changes all answer the connection). */
export type FunctionsAnswering<Answer> = { [Key in ResolverFunctionKey]: AnswerOf<Key> extends Answer ? Key : never }[ResolverFunctionKey];

const ERROR_CODES: readonly ResolverErrorCode[] = [
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'NOT_CONFIGURED',
  'INTERNAL',
];

function resolverFailure(code: ResolverErrorCode, message: string): { ok: false; error: ResolverError } {
  return { ok: false, error: { code, message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isResolverError(value: unknown): value is ResolverError {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(value.code) &&
    typeof value.message === 'string'
  );
}

/** The bridge itself refuses a call when the page exceeds its resolver budget (500 calls in 25 s). */
function isBridgeRateLimit(cause: unknown): boolean {
  return cause instanceof Error && /rate limited|too many invocations/i.test(cause.message);
}

/**
 * Calls a resolver function through `@forge/bridge` and always answers a `ResolverResult`. The only way the pages
 * call the backend: the function's name, payload and answer are those of the contract's map (`ResolverFunctions`).
 *
 * The resolver's own typed errors pass through unchanged. A failure of the bridge or the platform
 * (network, timeout, the function crashing) becomes `UNAVAILABLE`; an answer that is not a
 * `ResolverResult` at all becomes `INTERNAL`. The data's shape is the contract's promise: it is not
 * re-validated here.
 */
export async function invoke<Key extends ResolverFunctionKey>(
  functionKey: Key,
  ...[payload]: PayloadArgument<Key>
): Promise<ResolverResult<AnswerOf<Key>>> {
  let answer: unknown;
  try {
    answer = await invokeBridge(functionKey, payload ?? {});
  } catch (cause) {
    if (isBridgeRateLimit(cause)) {
      return resolverFailure('RATE_LIMITED', 'This page made too many requests. Wait a moment and try again.');
    }
    return resolverFailure('UNAVAILABLE', 'Flow metrics could not be reached. Check your connection and try again.');
  }
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    return { ok: true, data: answer.data as AnswerOf<Key> };
  }
  if (isRecord(answer) && answer.ok === false && isResolverError(answer.error)) {
    return { ok: false, error: { code: answer.error.code, message: answer.error.message } };
  }
  return resolverFailure('INTERNAL', 'Flow metrics sent an answer this page could not read.');
}
