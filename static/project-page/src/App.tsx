import { LoadingState } from '../../common/LoadingState';
import { PageLayout } from '../../common/PageLayout';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useInterval } from '../../common/use-interval';
import { useResolver } from '../../common/use-resolver';
import { GET_PROJECT_PAGE } from './first-requests';
import { ProjectOverview } from './ProjectOverview';
import { isSyncInProgress } from './SyncStatePanel';

/** While a sync is queued or running, the page asks again this often to move the progress along. */
export const SYNC_POLL_INTERVAL_MS = 5000;

export function App() {
  const { state, reload, refresh } = useResolver(GET_PROJECT_PAGE);
  // A project nobody measures has no sync to follow, whatever state an earlier one was left in.
  const syncInProgress = state.status === 'ready' && state.data.measured && isSyncInProgress(state.data.sync.status);
  useInterval(refresh, syncInProgress ? SYNC_POLL_INTERVAL_MS : null);

  return (
    <PageLayout>
      {state.status === 'loading' && <LoadingState label="Loading flow metrics" />}
      {state.status === 'error' && (
        <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="You don't have access to this project." />
      )}
      {state.status === 'ready' && <ProjectOverview data={state.data} onSyncQueued={refresh} />}
    </PageLayout>
  );
}
