/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { render, screen } from '@testing-library/react';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { pullRequest } from '../../../../src/domain/testing/pull-request-fixture';
import { computeReport, finishedItems, flowConfigOf, NO_FILTERS } from '../../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { PhaseTrend } from './PhaseTrend';
import { TimeSplitTrend } from './TimeSplitTrend';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));

const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report = result.report;
const t = (iso: string) => Date.parse(iso);

// FLOW-1 started 2026-02-02 10:00 and was done 2026-02-03 10:00 (see flowHistory); its pull request was merged the 2nd.
const PULLS = [
  pullRequest({
    number: 1,
    jiraKeys: ['FLOW-1'],
    firstCommitAt: t('2026-02-02T12:00Z'),
    createdAt: t('2026-02-02T14:00Z'),
    updatedAt: t('2026-02-02T21:00Z'),
    firstReviewAt: t('2026-02-02T18:00Z'),
    approvedAt: t('2026-02-02T20:00Z'),
    mergedAt: t('2026-02-02T21:00Z'),
    closedAt: t('2026-02-02T21:00Z'),
  }),
];

const axisLabels = (testId: string) =>
  Array.from(screen.getByTestId(testId).querySelectorAll('.visx-axis-bottom text'), (label) => label.textContent ?? '');

describe('the pull request trend charts’ date axes', () => {
  it('write the year on the first label, as the run charts do', () => {
    const { config } = flowConfigOf(null, BOARD_WORKFLOW);
    render(<TimeSplitTrend pulls={PULLS} items={finishedItems(flowHistory(), config, FIXTURE_NOW)} report={report} />);
    const split = axisLabels('chart-time-split-trend');
    expect(split.length).toBeGreaterThan(0);
    expect(split[0]).toMatch(/2026/);
  });

  it('write the year on the first label of each phase chart', () => {
    render(<PhaseTrend pulls={PULLS} report={report} />);
    for (const phase of ['coding', 'pickup', 'review', 'merge']) {
      const labels = axisLabels(`chart-phase-trend-${phase}`);
      expect(labels.length).toBeGreaterThan(0);
      expect(labels[0]).toMatch(/2026/);
    }
  });
});
