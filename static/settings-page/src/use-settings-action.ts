import { useCallback, useRef, useState } from 'react';
import type { ResolverError, ResolverResult } from '../../../src/shared/resolver-contract';
import { invokeResolver, type ResolverPayload } from '../../common/invoke-resolver';

export interface SettingsAction {
  /** Calls a settings function; the answer is also returned, so the caller can use its data. */
  run<T>(functionKey: string, payload?: ResolverPayload): Promise<ResolverResult<T>>;
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

  const run = useCallback(async <T,>(functionKey: string, payload: ResolverPayload = {}): Promise<ResolverResult<T>> => {
    if (running.current) return { ok: false, error: { code: 'RATE_LIMITED', message: 'Another change is still being saved.' } };
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await invokeResolver<T>(functionKey, payload);
      if (!result.ok) setError(result.error);
      return result;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
