import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerOf, ResolverError, ResolverFunctionKey } from '../../src/shared/resolver-contract';
import { invoke, type PayloadArgument } from './invoke-resolver';
import { takeStartedAnswer } from './started-answers';

export type ResolverState<T> = { status: 'loading' } | { status: 'error'; error: ResolverError } | { status: 'ready'; data: T };

export interface ResolverQuery<T> {
  state: ResolverState<T>;
  /** Starts over: shows the loading state, then the new answer (what a "Retry" button does). */
  reload: () => void;
  /**
   * Asks again in the background: the current data stays on screen, and stays if the call fails.
   * Does nothing while another call is still under way, so a slow resolver is never cut short.
   */
  refresh: () => void;
}

/**
 * Loads one resolver answer for a page. Calls the resolver on mount and whenever `functionKey` or the
 * payload's content changes; answers to superseded calls, or arriving after unmount, are dropped. The first
 * call takes the answer the page's script started, if it started one (see started-answers.ts).
 */
export function useResolver<Key extends ResolverFunctionKey>(
  functionKey: Key,
  ...[payload]: PayloadArgument<Key>
): ResolverQuery<AnswerOf<Key>> {
  const [state, setState] = useState<ResolverState<AnswerOf<Key>>>({ status: 'loading' });
  const payloadKey = JSON.stringify(payload ?? {});
  const latestCall = useRef(0);
  const callPending = useRef(false);
  const mounted = useRef(true);

  const call = useCallback(
    async (mode: 'reload' | 'refresh') => {
      if (mode === 'refresh' && callPending.current) return;
      const callId = ++latestCall.current;
      callPending.current = true;
      if (mode === 'reload') setState({ status: 'loading' });
      const result = await (takeStartedAnswer(functionKey, payloadKey) ??
        invoke(functionKey, ...([JSON.parse(payloadKey)] as PayloadArgument<Key>)));
      if (!mounted.current || callId !== latestCall.current) return;
      callPending.current = false;
      if (result.ok) {
        setState({ status: 'ready', data: result.data });
      } else {
        // A failed background refresh keeps what is already shown; the next refresh may succeed.
        setState((current) => (mode === 'refresh' && current.status === 'ready' ? current : { status: 'error', error: result.error }));
      }
    },
    [functionKey, payloadKey],
  );

  useEffect(() => {
    mounted.current = true;
    void call('reload');
    return () => {
      mounted.current = false;
    };
  }, [call]);

  const reload = useCallback(() => void call('reload'), [call]);
  const refresh = useCallback(() => void call('refresh'), [call]);
  return { state, reload, refresh };
}
