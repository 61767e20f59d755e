import { useMemo } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { TIME_SPLIT_PARTS, type CompactHistory, type FlowConfig, type TimeSplitPart } from '../../../../src/domain';
import type { ProjectPullRequestsData } from '../../../../src/shared/resolver-contract';
import { LoadingState } from '../../../common/LoadingState';
import { ResolverErrorMessage } from '../../../common/ResolverErrorMessage';
import { useResolver } from '../../../common/use-resolver';
import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { EmptyView } from '../views/EmptyView';
import { count } from '../views/format';
import {
  finishedItems,
  formatWait,
  PART_LABELS,
  PHASE_PERCENTILES,
  pullRequestFigures,
  reportPeriod,
  type PullRequestFigures,
} from './pull-request-figures';
import { PhaseTrend } from './PhaseTrend';
import { TimeSplitTrend } from './TimeSplitTrend';
import './PullRequestsView.css';
import type { PageReport } from '../report-worker-protocol';

const PHASE_LABELS = {
  coding: 'Coding (first commit → opened)',
  pickup: 'Pickup (ready → first review)',
  review: 'Review (first review → approval)',
  merge: 'Merge (approval → merged)',
} as const;

const PART_COLOURS: Record<TimeSplitPart, string> = {
  before: token('color.background.neutral.bold'),
  coding: token('color.chart.categorical.1'),
  pickup: token('color.chart.categorical.2'),
  review: token('color.chart.categorical.3'),
  merge: token('color.chart.categorical.4'),
  between: token('color.background.neutral'),
  after: token('color.chart.categorical.5'),
};

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/**
 * The Pull requests tab: the project's pull requests from the watched GitHub repositories, joined to its
 * items by the issue keys they name. Loads its own data (pull requests are not part of the history).
 */
export function PullRequestsView({
  report,
  history,
  config,
  now,
}: {
  report: PageReport;
  history: CompactHistory;
  config: FlowConfig;
  now: number;
}) {
  const { state, reload } = useResolver('getPullRequests');
  const items = useMemo(() => finishedItems(history, config, now), [history, config, now]);
  const period = useMemo(() => reportPeriod(report), [report]);
  const figures = useMemo(
    () => (state.status === 'ready' ? pullRequestFigures(state.data.pulls, items, period, now) : null),
    [state, items, period, now],
  );
  if (state.status === 'loading') return <LoadingState label="Loading pull requests" />;
  if (state.status === 'error')
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="You don't have access to this project." />;
  const data = state.data;
  if (!data.connected) {
    return (
      <EmptyView
        testId="tab-panel-pull-requests"
        message="GitHub is not connected. A Jira admin can connect a read-only token on the app's settings page."
      />
    );
  }
  return (
    <Stack space="space.400" testId="tab-panel-pull-requests">
      <RepositoryStatus repositories={data.repositories} />
      {figures && <PullRequestSections figures={figures} />}
      {figures && figures.merged > 0 && <PhaseTrend pulls={data.pulls} report={report} />}
      {figures && figures.splits.length > 0 && <TimeSplitTrend pulls={data.pulls} items={items} report={report} />}
    </Stack>
  );
}

function RepositoryStatus({ repositories }: { repositories: ProjectPullRequestsData['repositories'] }) {
  const stopped = repositories.filter((repository) => repository.status === 'stopped');
  const waiting = repositories.filter((repository) => repository.status === 'never' || repository.lastCompletedAt === null);
  if (stopped.length > 0) {
    return (
      <SectionMessage appearance="warning" title="Pull requests are not being read" testId="pull-requests-stopped">
        <Text as="p">
          GitHub no longer accepts the stored token for {stopped.map((r) => r.fullName).join(', ')}. A Jira admin can replace it on the
          settings page; reading resumes where it stopped.
        </Text>
      </SectionMessage>
    );
  }
  if (waiting.length > 0) {
    return (
      <SectionMessage appearance="information" testId="pull-requests-backfilling">
        <Text as="p">Still reading the history of {waiting.map((r) => r.fullName).join(', ')}: the figures below grow as it arrives.</Text>
      </SectionMessage>
    );
  }
  return null;
}

function PullRequestSections({ figures }: { figures: PullRequestFigures }) {
  const share = figures.finished === 0 ? null : figures.finishedWithPullRequest / figures.finished;
  return (
    <>
      <Stack space="space.100" testId="pull-requests-linked-share">
        <Text as="p" weight="medium">
          Finished items with a pull request
        </Text>
        <Text as="p">
          {figures.finished === 0
            ? 'No items were finished in this period.'
            : `${count.format(figures.finishedWithPullRequest)} of ${count.format(figures.finished)} items finished in this period (${percent.format(share!)}) had a linked pull request; ${count.format(figures.finished - figures.finishedWithPullRequest)} had none.`}
        </Text>
      </Stack>

      {figures.merged === 0 ? (
        <EmptyView testId="pull-requests-phases" message="No pull request naming this project's items was merged in this period." />
      ) : (
        <Stack space="space.100" testId="pull-requests-phases">
          <Text as="p" weight="medium">
            Where pull-request time goes ({count.format(figures.merged)} merged in this period)
          </Text>
          <table className="fm-pr-table" data-testid="pull-requests-phases-table">
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col" className="fm-pr-number">
                  Pull requests
                </th>
                {PHASE_PERCENTILES.map((p) => (
                  <th scope="col" className="fm-pr-number" key={p}>
                    {p}th percentile
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.phases.map((row) => (
                <tr key={row.phase} data-testid={`phase-${row.phase}`}>
                  <th scope="row">{PHASE_LABELS[row.phase]}</th>
                  <td className="fm-pr-number">{count.format(row.count)}</td>
                  {row.values.map((value, k) => (
                    <td className="fm-pr-number" key={PHASE_PERCENTILES[k]}>
                      {formatWait(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Stack>
      )}

      {figures.merged > 0 && (
        <ChartFrame
          testId="chart-pull-request-sizes"
          title="Size of merged pull requests (lines changed, generated files left out)"
          summary={`${count.format(figures.merged)} pull requests: ${figures.sizes.map((row) => `${row.size.label} ${row.count}`).join(', ')}.`}
          table={{
            caption: 'Merged pull requests per size class',
            columns: ['Size', 'Lines changed up to', 'Pull requests'],
            rows: figures.sizes.map((row) => [row.size.label, Number.isFinite(row.size.upTo) ? row.size.upTo : 'more', row.count]),
          }}
        >
          <BarChart bars={figures.sizes.map((row) => ({ label: row.size.label, value: row.count }))} yLabel="pull requests" />
        </ChartFrame>
      )}

      <Stack space="space.100" testId="pull-requests-waiting">
        <Text as="p" weight="medium">
          Open pull requests waiting for a first review ({count.format(figures.waiting.length)})
        </Text>
        {figures.waiting.length === 0 ? (
          <Text as="p" color="color.text.subtle">
            None: every open pull request has had a review or is still a draft.
          </Text>
        ) : (
          <table className="fm-pr-table" data-testid="pull-requests-waiting-table">
            <thead>
              <tr>
                <th scope="col">Pull request</th>
                <th scope="col">Items</th>
                <th scope="col" className="fm-pr-number">
                  Waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.waiting.map((pull) => (
                <tr key={`${pull.repository}#${pull.number}`}>
                  <td>
                    <a href={`https://github.com/${pull.repository}/pull/${pull.number}`} target="_blank" rel="noreferrer">
                      {pull.repository}#{pull.number}
                    </a>
                  </td>
                  <td>{pull.jiraKeys.join(', ')}</td>
                  <td className="fm-pr-number">{formatWait(pull.waitingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Stack>

      {figures.splits.length > 0 && <TimeSplit figures={figures} />}
    </>
  );
}

/** Where the finished items' cycle time went, summed over the items with a pull request, as one bar. */
function TimeSplit({ figures }: { figures: PullRequestFigures }) {
  const total = TIME_SPLIT_PARTS.reduce((sum, part) => sum + figures.splitTotals[part], 0);
  const parts = TIME_SPLIT_PARTS.filter((part) => figures.splitTotals[part] > 0);
  return (
    <Stack space="space.100" testId="pull-requests-time-split">
      <Text as="p" weight="medium">
        Where the items' time went ({count.format(figures.splits.length)} finished items with a pull request)
      </Text>
      <div className="fm-pr-split-bar" aria-hidden="true">
        {parts.map((part) => (
          <span
            key={part}
            title={`${PART_LABELS[part]}: ${percent.format(figures.splitTotals[part] / total)}`}
            style={{ width: `${(100 * figures.splitTotals[part]) / total}%`, background: PART_COLOURS[part] }}
          />
        ))}
      </div>
      <table className="fm-pr-table" data-testid="pull-requests-time-split-table">
        <thead>
          <tr>
            <th scope="col">Part of the cycle time</th>
            <th scope="col" className="fm-pr-number">
              Share
            </th>
            <th scope="col" className="fm-pr-number">
              Per item, on average
            </th>
          </tr>
        </thead>
        <tbody>
          {TIME_SPLIT_PARTS.map((part) => (
            <tr key={part} data-testid={`split-${part}`}>
              <th scope="row">
                <span
                  className="fm-pr-swatch"
                  style={{ display: 'inline-block', width: 10, height: 10, marginInlineEnd: 6, background: PART_COLOURS[part] }}
                />
                {PART_LABELS[part]}
              </th>
              <td className="fm-pr-number">{percent.format(total === 0 ? 0 : figures.splitTotals[part] / total)}</td>
              <td className="fm-pr-number">{formatWait(figures.splitTotals[part] / figures.splits.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}
