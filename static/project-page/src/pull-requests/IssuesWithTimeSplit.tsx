import { useMemo } from 'react';
import { itemTimeSplits, type CompactHistory, type FlowConfig } from '../../../../src/domain';
import { useResolver } from '../../../common/use-resolver';
import { IssuesView } from '../views/IssuesView';
import type { ExportedSelection } from '../views/items-in-period';
import { finishedItems } from './pull-request-figures';
import type { PageReport } from '../report-worker-protocol';

/**
 * The Issues tab with, once the project's pull requests have loaded (GitHub connected), where each finished
 * item's time went around its pull requests as columns of the table and its CSV. Until then, or without
 * GitHub, the table is as always.
 */
export function IssuesWithTimeSplit({
  report,
  projectKey,
  selection,
  history,
  config,
  now,
}: {
  report: PageReport;
  projectKey: string;
  /** The filters the items were chosen by, for the export's file name. */
  selection?: ExportedSelection;
  history: CompactHistory;
  config: FlowConfig;
  now: number;
}) {
  const { state } = useResolver('getPullRequests');
  const items = useMemo(() => finishedItems(history, config, now), [history, config, now]);
  const splits = useMemo(
    () => (state.status === 'ready' && state.data.connected ? itemTimeSplits(state.data.pulls, items) : undefined),
    [state, items],
  );
  return <IssuesView report={report} projectKey={projectKey} selection={selection} timeSplits={splits} />;
}
