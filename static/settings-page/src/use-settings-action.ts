import { useCallback, useRef, useState } from 'react';
import type { AnswerOf, ResolverError, ResolverFunctionKey, ResolverResult } from '../../../src/shared/resolver-contract';
import { invoke, type PayloadArgument } from '../../common/invoke-resolver';

export interface SettingsAction {
  /** Calls a settings function; the answer is also returned, so the caller can use its data. */
  run<Key extends ResolverFunctionKey>(functionKey: Key, ...payload: PayloadArgument<Key>): Promise<ResolverResult<AnswerOf<Key>>>;
  /** True while a call is under way: buttons are disabled so a change is never sent twice. */
  busy: boolean;
  /** The last call's error, until the next call starts. */
  error: ResolverError | null;
  clearError: () => void;
}

/** A button's resolver call (save, connect, purge…): one at a time, with its error kept for display. */
export function useSettingsAction(): SettingsAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <Key extends ResolverFunctionKey>(functionKey: Key, ...payload: PayloadArgument<Key>): Promise<ResolverResult<AnswerOf<Key>>> => {
      if (running.current) return { ok: false, error: { code: 'RATE_LIMITED', message: 'Another change is still being saved.' } };
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const result = await invoke(functionKey, ...payload);
        if (!result.ok) setError(result.error);
        return result;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
