import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import type { SyncState, SyncStatus } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { SyncNowAnswer, SyncNowButton, useSyncNow, type SyncNowState } from './SyncNowButton';

const STATUS_LOZENGES: Record<SyncStatus, { label: string; appearance: ThemeAppearance }> = {
  'never-synced': { label: 'Never synced', appearance: 'default' },
  queued: { label: 'Queued', appearance: 'new' },
  running: { label: 'Syncing', appearance: 'inprogress' },
  ok: { label: 'Up to date', appearance: 'success' },
  failed: { label: 'Sync failed', appearance: 'removed' },
};

/** True while the data pipeline is busy, so the page should look again soon. */
export function isSyncInProgress(status: SyncStatus): boolean {
  return status === 'queued' || status === 'running';
}

const count = new Intl.NumberFormat();

function DataAsOf({ at }: { at: string }) {
  return (
    <Text as="p" color="color.text.subtle" testId="sync-data-as-of">
      Data as of <time dateTime={at}>{formatDateTime(at)}</time>
    </Text>
  );
}

function SyncProgress({ progress }: { progress: SyncState['progress'] }) {
  const total = progress?.total ?? null;
  const known = progress !== null && total !== null && total > 0;
  const value = known ? Math.min(1, Math.max(0, progress.done / total)) : undefined;
  let caption = 'Starting…';
  if (progress !== null) {
    caption = known ? `${count.format(progress.done)} of ${count.format(total)} issues` : `${count.format(progress.done)} issues so far`;
  }
  return (
    <Stack space="space.075">
      <ProgressBar ariaLabel="Sync progress" value={value} isIndeterminate={!known} testId="sync-progress" />
      <Text as="p" size="small" color="color.text.subtle" testId="sync-progress-caption">
        {caption}
      </Text>
    </Stack>
  );
}

function SyncDetail({ sync, syncNow }: { sync: SyncState; syncNow: { state: SyncNowState; request: () => void } }) {
  switch (sync.status) {
    case 'never-synced':
      return (
        <Text as="p" color="color.text.subtle">
          This project's history has not been collected yet. Metrics appear after the first sync.
        </Text>
      );
    case 'queued':
      return (
        <Stack space="space.050">
          <Text as="p" color="color.text.subtle">
            A sync is queued and will start shortly.
          </Text>
          {sync.lastSuccessAt !== null && <DataAsOf at={sync.lastSuccessAt} />}
        </Stack>
      );
    case 'running':
      return (
        <Stack space="space.100">
          <SyncProgress progress={sync.progress} />
          {sync.lastSuccessAt !== null && <DataAsOf at={sync.lastSuccessAt} />}
        </Stack>
      );
    case 'ok':
      return sync.lastSuccessAt !== null ? <DataAsOf at={sync.lastSuccessAt} /> : null;
    case 'failed':
      return (
        <SectionMessage appearance="error" title="The last sync failed" testId="sync-error">
          <Stack space="space.100">
            <Text as="p">{sync.lastError ?? 'No details were recorded for this failure.'}</Text>
            {sync.lastSuccessAt !== null ? (
              <DataAsOf at={sync.lastSuccessAt} />
            ) : (
              <Text as="p" color="color.text.subtle">
                No data has been collected yet.
              </Text>
            )}
            <Inline>
              <SyncNowButton state={syncNow.state} onRequest={syncNow.request} label="Retry sync" testId="sync-retry" />
            </Inline>
          </Stack>
        </SectionMessage>
      );
  }
}

const NOTHING_TO_REFRESH = () => undefined;

/**
 * Where the project's data pipeline stands: a status lozenge, what it means for the data shown, and a
 * "Sync now" (or, after a failure, "Retry sync") that queues a sync; `onSyncQueued` lets the page follow it.
 */
export function SyncStatePanel({ sync, onSyncQueued = NOTHING_TO_REFRESH }: { sync: SyncState; onSyncQueued?: () => void }) {
  const lozenge = STATUS_LOZENGES[sync.status];
  const syncNow = useSyncNow(onSyncQueued);
  return (
    <Box testId="sync-state">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Text weight="medium">Data sync</Text>
          <Lozenge appearance={lozenge.appearance} testId="sync-status">
            {lozenge.label}
          </Lozenge>
          {sync.status !== 'failed' && (
            <SyncNowButton state={syncNow.state} onRequest={syncNow.request} disabled={isSyncInProgress(sync.status)} />
          )}
        </Inline>
        <SyncDetail sync={sync} syncNow={syncNow} />
        <SyncNowAnswer state={syncNow.state} />
      </Stack>
    </Box>
  );
}
