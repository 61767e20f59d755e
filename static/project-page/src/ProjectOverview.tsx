import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProjectPageData } from '../../../src/shared/resolver-contract';
import { SyncStatePanel } from './SyncStatePanel';

/**
 * The project page once its data has loaded: the project, where its sync stands, and (as they are
 * added) the metric views, each a section of its own below the sync state.
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
    </Stack>
  );
}
