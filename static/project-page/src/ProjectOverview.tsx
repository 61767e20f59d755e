import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProjectPageData } from '../../../src/shared/resolver-contract';
import { ProjectMetrics } from './ProjectMetrics';
import { SyncStatePanel } from './SyncStatePanel';

/**
 * The project page once its data has loaded: the project, where its sync stands, and below it the
 * metric views, computed in the browser from the project's stored history.
 */
export function ProjectOverview({ data }: { data: ProjectPageData }) {
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
      <SyncStatePanel sync={data.sync} />
      <ProjectMetrics />
    </Stack>
  );
}
