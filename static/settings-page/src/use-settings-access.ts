import { useState } from 'react';
import type { ResolverState } from '../../common/use-resolver';

/**
 * Whether the person on the page may use the settings. There is no separate question for it: every settings
 * resolver checks that the caller is a Jira administrator, so the page's first call answers it.
 * - `checking`: the first call has not answered yet.
 * - `denied`: it answered FORBIDDEN.
 * - `allowed`: it answered anything else. Another failure (Jira rate limiting, say) is the section's to show
 *   and retry, not a reason to hide the page.
 */
export type SettingsAccess = 'checking' | 'allowed' | 'denied';

export function useSettingsAccess(firstCall: ResolverState<unknown>): SettingsAccess {
  // Once answered, a later reload (a Retry) keeps the page in place rather than going back to checking.
  const [answered, setAnswered] = useState(false);
  if (firstCall.status === 'error' && firstCall.error.code === 'FORBIDDEN') return 'denied';
  if (firstCall.status !== 'loading' && !answered) setAnswered(true);
  return answered || firstCall.status !== 'loading' ? 'allowed' : 'checking';
}
