/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { PullRequestFacts } from '../../../../src/domain';
import { pullRequest } from '../../../../src/domain/testing/pull-request-fixture';
import type { ProjectPullRequestsData } from '../../../../src/shared/resolver-contract';
import { decodeHeldHistory } from '../../../../src/shared/project-history-decoding';
import { FIXTURE_NOW, flowHistory, projectViewData } from '../../../testing/flow-fixtures';
import { ok } from '../../../testing/resolver-fixtures';
import { ProjectMetrics } from '../ProjectMetrics';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn(() => Promise.resolve()) } }));
jest.mock('../../../../src/shared/project-history-decoding', () => ({
  ...jest.requireActual<object>('../../../../src/shared/project-history-decoding'),
  decodeHeldHistory: jest.fn(),
}));

const invokeMock = jest.mocked(invoke);
const t = (iso: string) => Date.parse(iso);

/** A pull request opened when FLOW-1 was in progress, unless told otherwise. */
const pull = (facts: Partial<PullRequestFacts>) =>
  pullRequest({ createdAt: t('2026-02-02T14:00Z'), updatedAt: t('2026-02-02T14:00Z'), ...facts });

// FLOW-1 started 2026-02-02 10:00 and was done 2026-02-03 10:00 (see flowHistory).
const flow1 = pull({
  number: 1,
  jiraKeys: ['FLOW-1'],
  firstCommitAt: t('2026-02-02T12:00Z'),
  createdAt: t('2026-02-02T14:00Z'),
  firstReviewAt: t('2026-02-02T18:00Z'),
  approvedAt: t('2026-02-02T20:00Z'),
  mergedAt: t('2026-02-02T21:00Z'),
  closedAt: t('2026-02-02T21:00Z'),
  additions: 30,
  deletions: 10,
});
const waiting = pull({ number: 2, jiraKeys: ['FLOW-22'], createdAt: FIXTURE_NOW - 30 * 3_600_000 });

function answer(data: ProjectPullRequestsData) {
  invokeMock.mockImplementation((functionKey: string) =>
    Promise.resolve(functionKey === 'getPullRequests' ? ok(data) : ok(projectViewData())),
  );
}

beforeEach(() => {
  jest.mocked(decodeHeldHistory).mockImplementation(() => Promise.resolve(flowHistory()));
});
afterEach(() => invokeMock.mockReset());

async function openTab() {
  render(<ProjectMetrics clock={() => FIXTURE_NOW} />);
  await screen.findByTestId('tab-panel-overview');
  fireEvent.click(screen.getByRole('tab', { name: 'Pull requests' }));
  return screen.findByTestId('tab-panel-pull-requests');
}

describe('the Pull requests tab', () => {
  it('shows phases, sizes, waiting pull requests, the linked share and where the time went', async () => {
    answer({
      connected: true,
      repositories: [{ fullName: 'acme/web', status: 'ok', lastCompletedAt: '2026-03-12T11:00:00Z' }],
      pulls: [flow1, waiting],
    });
    const panel = await openTab();
    expect(invokeMock).toHaveBeenCalledWith('getPullRequests', {});
    expect(within(panel).getByTestId('pull-requests-linked-share').textContent).toContain(
      '1 of 20 items finished in this period (5%) had a linked pull request; 19 had none.',
    );
    const pickup = within(panel).getByTestId('phase-pickup');
    expect(
      within(pickup)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '4.0 h', '4.0 h', '4.0 h']);
    expect(within(panel).getByTestId('chart-pull-request-sizes-summary').textContent).toBe('1 pull requests: XS 0, S 1, M 0, L 0, XL 0.');
    const waitingRows = within(within(panel).getByTestId('pull-requests-waiting-table')).getAllByRole('row');
    expect(waitingRows[1]!.textContent).toBe('acme/web#2FLOW-2230 h');
    // 24 h of cycle time: 2 before, 2 coding, 4 pickup, 2 review, 1 merge, 13 after.
    expect(within(panel).getByTestId('split-after').textContent).toContain('54%');
    expect(within(panel).getByTestId('split-pickup').textContent).toContain('17%');
    expect(within(panel).getByTestId('split-before').textContent).toContain('2.0 h');
  });

  it('says when GitHub is not connected', async () => {
    answer({ connected: false, repositories: [], pulls: [] });
    const panel = await openTab();
    expect(panel.textContent).toContain('GitHub is not connected');
  });

  it('says when the token was refused and reading stopped', async () => {
    answer({ connected: true, repositories: [{ fullName: 'acme/web', status: 'stopped', lastCompletedAt: null }], pulls: [] });
    await openTab();
    await act(() => Promise.resolve());
    expect(screen.getByTestId('pull-requests-stopped').textContent).toContain('GitHub no longer accepts the stored token for acme/web');
  });
});
