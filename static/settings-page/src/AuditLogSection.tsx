import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useState } from 'react';
import type { AuditAction, AuditLogPage } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { describeAuditDetails } from './audit-details';
import { useUserNames } from './use-user-names';

const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'project.measured': 'Started measuring a project',
  'project.unmeasured': 'Stopped measuring a project',
  'workflow.changed': 'Changed a workflow',
  'workflow.reset': 'Reset a workflow to the defaults',
  'project.sync-requested': 'Asked for a sync',
  'project.rebuild-requested': 'Asked for a rebuild from scratch',
  'github.connected': 'Connected GitHub',
  'github.replaced': 'Replaced the GitHub token',
  'github.repositories-changed': 'Changed the GitHub repositories',
  'github.disconnected': 'Disconnected GitHub',
  'github.connect-refused': 'GitHub refused a token',
  'github.repositories-change-refused': 'GitHub refused a change of repositories',
  'github.sync-stopped': 'Stopped reading pull requests: GitHub refused the token',
  'github.sync-failing': 'Reading pull requests is failing: GitHub answered with an error',
  'github.webhook-secret-set': 'Set a new GitHub webhook secret',
  'github.generated-paths-changed': 'Changed the generated files left out of pull-request sizes',
  'slack.connected': 'Connected Slack',
  'slack.replaced': 'Replaced the Slack token',
  'slack.channel-changed': 'Changed the Slack channel',
  'slack.disconnected': 'Disconnected Slack',
  'slack.test-message-sent': 'Sent a Slack test message',
  'slack.connect-refused': 'Slack refused a connection',
  'slack.test-message-failed': 'A Slack test message failed',
  'slack.channel-change-refused': 'Slack refused a change of channel',
  'slack.alert-channel-refused': "Slack refused a channel for a project's alerts",
  'slack.digest-sent': 'Sent the Slack flow digest',
  'slack.alerts-changed': "Changed a project's Slack alerts",
  'retention.changed': 'Changed the retention window',
  'data.purged': 'Purged expired data',
  'data.exported': 'Exported all data',
  'data.erased': 'Erased all app data',
  'secrets.resealed': 'Re-sealed the stored tokens',
  'request.rate-limited': 'Refused a request made again too soon',
};

const HEAD: HeadType = {
  cells: [
    { key: 'when', content: 'When', width: 18 },
    { key: 'who', content: 'Who', width: 18 },
    { key: 'what', content: 'What', width: 26 },
    { key: 'details', content: 'Details' },
  ],
};

/** "Entries 26–50 of about 1,230": where this page sits in the whole log. */
function pagePosition(page: AuditLogPage): string {
  if (page.entries.length === 0) return '';
  const last = page.firstEntryNumber + page.entries.length - 1;
  const total = page.olderCursor === null ? last : Math.max(page.approximateTotal, last);
  return `Entries ${page.firstEntryNumber.toLocaleString()}–${last.toLocaleString()} of ${page.olderCursor === null ? '' : 'about '}${total.toLocaleString()}`;
}

/**
 * Who changed what in the settings, newest first, a page of the same size at a time. Each older page comes
 * from the cursor the page before gave out; the cursors already followed are kept, so "Newer" shows again the
 * very page seen before, however many entries were recorded since. The log keeps account ids; names are
 * looked up in the browser, as the admin reading it.
 */
export function AuditLogSection() {
  /** The cursors followed from the newest page: the last one is the page shown. */
  const [trail, setTrail] = useState<readonly string[]>([]);
  const cursor = trail[trail.length - 1];
  const { state, reload } = useResolver('getAuditLog', cursor === undefined ? {} : { cursor });
  const entries = state.status === 'ready' ? state.data.entries : [];
  const nameOf = useUserNames(entries.map((entry) => entry.actorAccountId));

  const rows: RowType[] = entries.map((entry) => ({
    key: entry.id,
    testId: `audit-entry-${entry.id}`,
    cells: [
      { key: 'when', content: <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> },
      { key: 'who', content: nameOf(entry.actorAccountId) },
      { key: 'what', content: AUDIT_ACTION_LABELS[entry.action] ?? entry.action },
      { key: 'details', content: <Text size="small">{describeAuditDetails(entry)}</Text> },
    ],
  }));

  return (
    <Stack space="space.200" testId="audit-log-section">
      <Heading size="medium" as="h2">
        Audit log
      </Heading>
      <Text as="p" color="color.text.subtle">
        Every change to these settings, with who made it and when. Tokens never appear here. Entries older than the retention window are
        purged.
      </Text>
      {state.status === 'loading' && <LoadingState label="Loading the audit log" />}
      {state.status === 'error' && (
        <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />
      )}
      {state.status === 'ready' && (
        <Box testId="audit-log">
          <DynamicTable label="Audit log" head={HEAD} rows={rows} emptyView={<Text as="p">Nothing has been changed yet.</Text>} />
        </Box>
      )}
      {state.status === 'ready' && (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          {trail.length > 1 && <Button onClick={() => setTrail([])}>Newest</Button>}
          <Button isDisabled={trail.length === 0} onClick={() => setTrail((followed) => followed.slice(0, -1))}>
            Newer
          </Button>
          <Button
            isDisabled={state.data.olderCursor === null}
            onClick={() => {
              const older = state.data.olderCursor;
              if (older !== null) setTrail((followed) => [...followed, older]);
            }}
          >
            Older
          </Button>
          <Button appearance="subtle" onClick={reload}>
            Refresh
          </Button>
          <Text color="color.text.subtle" testId="audit-log-position">
            <span role="status">
              Page {trail.length + 1}
              {state.data.entries.length > 0 ? ` · ${pagePosition(state.data)}` : ''}
            </span>
          </Text>
        </Inline>
      )}
    </Stack>
  );
}
