import Heading from '@atlaskit/heading';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ProjectListData } from '../../../src/shared/resolver-contract';
import { LoadingState } from '../../common/LoadingState';
import { PageLayout } from '../../common/PageLayout';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ProjectTable } from './ProjectTable';

/** The resolver function behind this page. */
export const LIST_PROJECTS = 'listProjects';

export function App() {
  const { state, reload } = useResolver<ProjectListData>(LIST_PROJECTS);

  return (
    <PageLayout>
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large" as="h1">
            Flow metrics settings
          </Heading>
          <Text color="color.text.subtle">Projects on this site and whether Flow metrics measures them.</Text>
        </Stack>
        {state.status === 'loading' && <LoadingState label="Loading projects" />}
        {state.status === 'error' && (
          <ResolverErrorMessage
            error={state.error}
            onRetry={reload}
            forbiddenMessage="Only Jira admins can manage Flow metrics."
          />
        )}
        {state.status === 'ready' && <ProjectTable projects={state.data.projects} />}
      </Stack>
    </PageLayout>
  );
}
