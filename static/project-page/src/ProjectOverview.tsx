import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProjectPageData } from '../../../src/shared/resolver-contract';
import { LicenceInactiveNotice } from '../../common/LicenceInactiveNotice';
import { ProjectMetrics } from './ProjectMetrics';
import { ProjectNoLongerMeasured, ProjectNotMeasured } from './ProjectNotMeasured';
import { isSyncInProgress, SyncStatePanel } from './SyncStatePanel';

/**
 * The project page once its data has loaded: the project, where its sync stands, and below it the
 * metric views, computed in the browser from the project's stored history. While the first sync runs there
 * is no history to compute from: the sync's progress stands where the charts will appear. A project no admin
 * has enabled has neither a sync nor charts: the page says who can enable it, and where. A project that was
 * measured and no longer is says so, with its last sync: its kept history is not served while it is not
 * measured (an admin's choice to stop is honoured at once). While the site's licence is inactive the page
 * says so first, and still shows what was collected.
 */
export function ProjectOverview({ data, onSyncQueued }: { data: ProjectPageData; onSyncQueued: () => void }) {
  const firstSync = isSyncInProgress(data.sync.status) && data.sync.lastSuccessAt === null;
  return (
    <Stack space="space.300">
      <Stack space="space.050">
        <Heading size="large" as="h1" testId="project-name">
          {data.project.name}
        </Heading>
        <Text color="color.text.subtle" testId="project-key">
          {data.project.key}
        </Text>
      </Stack>
      {!data.licenceActive && <LicenceInactiveNotice />}
      {!data.measured && data.sync.lastSuccessAt !== null ? (
        <ProjectNoLongerMeasured lastSyncAt={data.sync.lastSuccessAt} />
      ) : !data.measured ? (
        <ProjectNotMeasured projectName={data.project.name} viewerIsJiraAdministrator={data.viewerIsJiraAdministrator === true} />
      ) : firstSync ? (
        <Box padding="space.300" backgroundColor="elevation.surface.sunken" testId="first-sync">
          <Stack space="space.200">
            <Heading size="small" as="h2">
              Collecting this project's history
            </Heading>
            <SyncStatePanel sync={data.sync} onSyncQueued={onSyncQueued} />
            <Text as="p" color="color.text.subtle">
              The charts appear here as soon as the first sync has finished; this page follows it by itself.
            </Text>
          </Stack>
        </Box>
      ) : (
        <>
          <SyncStatePanel sync={data.sync} onSyncQueued={onSyncQueued} />
          {/* A finished sync changes `lastSuccessAt`: the metrics then load the new history in the background. */}
          <ProjectMetrics dataVersion={data.sync.lastSuccessAt} />
        </>
      )}
    </Stack>
  );
}
