import type { AnswerOf, ResolverFunctionKey, ResolverResult } from '../../src/shared/resolver-contract';
import { invoke, type PayloadArgument } from './invoke-resolver';
import { StartedAhead } from './started-ahead';

/**
 * Resolver answers asked for as a page's script starts, before its components exist: the components are most
 * of the script, and the answer travels while the browser loads and runs them. The page's first `useResolver`
 * of the same function and payload takes the answer instead of asking again; nothing else does.
 */
const started = new StartedAhead<Promise<ResolverResult<unknown>>>();

const callKey = (functionKey: ResolverFunctionKey, payloadKey: string) => `${functionKey} ${payloadKey}`;

/** Asks for an answer now, for the page's first `useResolver` of the same call (see `takeStartedAnswer`). */
export function startAnswer<Key extends ResolverFunctionKey>(functionKey: Key, ...[payload]: PayloadArgument<Key>): void {
  const args = [payload] as PayloadArgument<Key>;
  started.start(invoke(functionKey, ...args), callKey(functionKey, JSON.stringify(payload ?? {})));
}

/** The answer started for this call (`payloadKey`: its payload as JSON), taken once; null when none was started. */
export function takeStartedAnswer<Key extends ResolverFunctionKey>(
  functionKey: Key,
  payloadKey: string,
): Promise<ResolverResult<AnswerOf<Key>>> | null {
  const answer = started.take(callKey(functionKey, payloadKey));
  return (answer as Promise<ResolverResult<AnswerOf<Key>>> | undefined) ?? null;
}
