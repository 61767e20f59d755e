import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage, { type Appearance } from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { invoke } from '../../common/invoke-resolver';

/** The resolver function that queues a sync of the page's project. */
export const SYNC_NOW = 'syncNow';

export type SyncNowState =
  | { status: 'idle' }
  | { status: 'requesting' }
  | { status: 'requested'; nextAllowedAt: string }
  | { status: 'refused'; error: ResolverError };

/** Asks for a sync of the page's project; `onQueued` lets the page pick up the new sync state. */
export function useSyncNow(onQueued: () => void): { state: SyncNowState; request: () => void } {
  const [state, setState] = useState<SyncNowState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const request = useCallback(() => {
    setState({ status: 'requesting' });
    void invoke(SYNC_NOW, {}).then((answer) => {
      if (!mounted.current) return;
      setState(answer.ok ? { status: 'requested', nextAllowedAt: answer.data.nextAllowedAt } : { status: 'refused', error: answer.error });
      if (answer.ok) onQueued();
    });
  }, [onQueued]);
  return { state, request };
}

/** A refusal is not always a failure: being asked to wait, or a project nobody enabled, is information. */
function refusalOf(error: ResolverError): { appearance: Appearance; title: string; text: string } {
  switch (error.code) {
    case 'RATE_LIMITED':
      return { appearance: 'information', title: 'A sync was requested recently', text: error.message };
    case 'NOT_FOUND':
      return { appearance: 'warning', title: 'This project is not synced', text: error.message };
    case 'FORBIDDEN':
      return { appearance: 'warning', title: 'No access', text: "You don't have permission to sync this project." };
    default:
      return { appearance: 'error', title: 'The sync could not be requested', text: `${error.message} Try again in a moment.` };
  }
}

/** What came of the last "Sync now", if anything. */
export function SyncNowAnswer({ state }: { state: SyncNowState }) {
  if (state.status === 'requested') {
    return (
      <Text as="p" size="small" color="color.text.subtle" testId="sync-now-answer">
        Sync requested; the charts update when it finishes. Another sync can be requested after {formatDateTime(state.nextAllowedAt)}.
      </Text>
    );
  }
  if (state.status !== 'refused') return null;
  const refusal = refusalOf(state.error);
  return (
    <SectionMessage appearance={refusal.appearance} title={refusal.title} testId="sync-now-answer">
      <Text as="p">{refusal.text}</Text>
    </SectionMessage>
  );
}

/** The button itself; `label` lets a failed sync offer the same request as "Retry sync". */
export function SyncNowButton({
  state,
  onRequest,
  disabled = false,
  label = 'Sync now',
  testId = 'sync-now',
}: {
  state: SyncNowState;
  onRequest: () => void;
  disabled?: boolean;
  label?: string;
  testId?: string;
}) {
  return (
    <Button onClick={onRequest} isLoading={state.status === 'requesting'} isDisabled={disabled} testId={testId} spacing="compact">
      {label}
    </Button>
  );
}
