import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Heading from '@atlaskit/heading';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Tooltip from '@atlaskit/tooltip';
import { useState } from 'react';
import type { ProjectSettingsList, SyncState, SyncStatus } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useInterval } from '../../common/use-interval';
import type { ResolverQuery } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { InlineConfirmation } from './InlineConfirmation';
import { useSettingsAction } from './use-settings-action';
import { WorkflowEditor } from './WorkflowEditor';

type ProjectRow = ProjectSettingsList['projects'][number];

const SYNC_LOZENGES: Record<SyncStatus, { label: string; appearance: ThemeAppearance }> = {
  'never-synced': { label: 'Never synced', appearance: 'default' },
  queued: { label: 'Queued', appearance: 'new' },
  running: { label: 'Syncing', appearance: 'inprogress' },
  ok: { label: 'Up to date', appearance: 'success' },
  failed: { label: 'Sync failed', appearance: 'removed' },
};

/** The resolver behind the list, and the settings page's first call: its answer also says who may see the page. */
export const LIST_PROJECT_SETTINGS = 'listProjectSettings';

const ROWS_PER_PAGE = 25;

/** While a project's sync is queued or running, the list asks again this often so its state moves along. */
export const SYNC_POLL_INTERVAL_MS = 5000;

const syncInProgress = (project: ProjectRow) => project.sync?.status === 'queued' || project.sync?.status === 'running';

const HEAD: HeadType = {
  cells: [
    { key: 'key', content: 'Key', isSortable: true, width: 10 },
    { key: 'name', content: 'Name', isSortable: true, width: 20 },
    { key: 'measured', content: 'Measured', width: 10 },
    { key: 'sync', content: 'Sync', width: 24 },
    { key: 'actions', content: 'Actions' },
  ],
};

function SyncSummary({ sync }: { sync: SyncState }) {
  const lozenge = SYNC_LOZENGES[sync.status];
  const progress =
    sync.status === 'running' && sync.progress
      ? `${sync.progress.done}${sync.progress.total ? ` of ${sync.progress.total}` : ''} issues`
      : null;
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={lozenge.appearance}>{lozenge.label}</Lozenge>
        {progress && <Text size="small">{progress}</Text>}
      </Inline>
      {sync.lastSuccessAt && (
        <Text size="small" color="color.text.subtle">
          Last success {formatDateTime(sync.lastSuccessAt)}
        </Text>
      )}
      {sync.status === 'failed' && sync.lastError && (
        <Text size="small" color="color.text.danger">
          {sync.lastError}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Which projects the app measures, where each one's sync stands, "sync now" and "rebuild from scratch", and
 * the way into each project's workflow. The list is loaded by the page, whose first call it is.
 */
export function ProjectsSection({ projects }: { projects: ResolverQuery<ProjectSettingsList> }) {
  const { state, reload, refresh } = projects;
  const action = useSettingsAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmRebuild, setConfirmRebuild] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useInterval(refresh, state.status === 'ready' && state.data.projects.some(syncInProgress) ? SYNC_POLL_INTERVAL_MS : null);

  if (state.status === 'loading') return <LoadingState label="Loading projects" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }

  const setMeasured = async (project: ProjectRow, measured: boolean) => {
    setNotice(null);
    const result = await action.run('setProjectMeasured', { projectKey: project.key, measured });
    if (!result.ok) return;
    setNotice(
      measured
        ? `${project.key} is measured${result.data.syncQueued ? '; its history is being collected' : ''}.`
        : `${project.key} is no longer measured. Its stored data is kept until the retention window ends or you erase it.`,
    );
    refresh();
  };

  const sync = async (project: ProjectRow, mode: 'sync-now' | 'rebuild') => {
    setNotice(null);
    setConfirmRebuild(null);
    const result = await action.run('requestProjectSync', { projectKey: project.key, mode });
    if (!result.ok) return;
    setNotice(mode === 'rebuild' ? `${project.key} will be rebuilt from scratch.` : `A sync of ${project.key} is queued.`);
    refresh();
  };

  const rows: RowType[] = state.data.projects.map((project) => ({
    key: project.id,
    testId: `project-settings-${project.key}`,
    cells: [
      { key: project.key, content: <Text weight="medium">{project.key}</Text> },
      { key: project.name.toLocaleLowerCase(), content: project.name },
      {
        key: project.measured ? 0 : 1,
        content: (
          <Checkbox
            isChecked={project.measured}
            isDisabled={action.busy}
            label={project.measured ? 'Yes' : 'No'}
            aria-label={`Measure ${project.key}`}
            onChange={(event) => void setMeasured(project, event.target.checked)}
          />
        ),
      },
      {
        key: project.sync?.status ?? 'none',
        content: project.sync ? <SyncSummary sync={project.sync} /> : <Text color="color.text.subtle">—</Text>,
      },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            {/* Each row's buttons say which project they act on, for whoever hears them out of the table. */}
            <Button
              spacing="compact"
              aria-label={`Workflow of ${project.key}`}
              onClick={() => setEditing(editing === project.key ? null : project.key)}
            >
              Workflow
            </Button>
            {project.measured && (
              <Button
                spacing="compact"
                aria-label={`Sync now ${project.key}`}
                onClick={() => void sync(project, 'sync-now')}
                isDisabled={action.busy}
              >
                Sync now
              </Button>
            )}
            {project.measured && (
              <Tooltip content="Drops the stored history and reads it again from Jira">
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Rebuild ${project.key}`}
                  onClick={() => setConfirmRebuild(project.key)}
                  isDisabled={action.busy}
                >
                  Rebuild
                </Button>
              </Tooltip>
            )}
          </Inline>
        ),
      },
    ],
  }));

  const rebuilding = state.data.projects.find((project) => project.key === confirmRebuild);
  return (
    <Stack space="space.200" testId="projects-section">
      <Heading size="medium" as="h2">
        Projects
      </Heading>
      <Text as="p" color="color.text.subtle">
        Choose the projects Flow metrics measures. Each measured project's history is collected once, then kept up to date every hour and on
        every change.
      </Text>
      {notice && (
        <SectionMessage appearance="information" testId="projects-notice">
          <Text as="p">{notice}</Text>
        </SectionMessage>
      )}
      <ActionError error={action.error} />
      {rebuilding && (
        <InlineConfirmation
          title={`Rebuild ${rebuilding.key} from scratch?`}
          consequence="The stored history is dropped and read again from Jira. Charts show the old data until the rebuild finishes."
          confirmLabel="Rebuild"
          confirmAppearance="warning"
          cancelLabel="Cancel"
          testId="confirm-rebuild"
          busy={action.busy}
          onConfirm={() => void sync(rebuilding, 'rebuild')}
          onCancel={() => setConfirmRebuild(null)}
        />
      )}
      <Box testId="project-settings-list">
        <DynamicTable
          label="Projects"
          head={HEAD}
          rows={rows}
          rowsPerPage={rows.length > ROWS_PER_PAGE ? ROWS_PER_PAGE : undefined}
          defaultSortKey="key"
          defaultSortOrder="ASC"
          emptyView={<Text as="p">There are no projects on this site yet.</Text>}
        />
      </Box>
      {editing && <WorkflowEditor key={editing} projectKey={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
