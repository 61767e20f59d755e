/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke, view } from '@forge/bridge';
import { decodeHeldHistory } from '../../../src/shared/project-history-decoding';
import { PackedShardError } from '../../../src/shared/packed-history';
import { boardHistory } from '../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory, flowHistoryWithFacets, historyPart, projectViewData } from '../../testing/flow-fixtures';
import { deferred, failed, ok } from '../../testing/resolver-fixtures';
import { hostPageHistoryAt } from '../../testing/host-page-history';
import { ProjectMetrics } from './ProjectMetrics';
import { addressNamesAView } from './first-requests';
import { TAB_LABELS } from './project-tabs';
import { ConventionsDisclosure } from './ConventionsDisclosure';
import { ExportTabButtons } from './export/ExportTabButtons';
import { StageRangeFilter } from './StageRangeFilter';
import { GET_PROJECT_VIEW, startFirstOpen } from './use-project-view';
import { writeHeldHistory } from './held-history-cache';
import { PREFETCH_MAX_ISSUES } from './history-prefetch';
import { formatDate } from '../../common/format-date-time';
import { defaultFilters, flowConfigOf, overviewFigures, packCycleTimeFigures, reportModel } from '../../../src/domain';
import type { ProjectViewPayload } from '../../../src/shared/resolver-contract';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  router: { open: jest.fn(() => Promise.resolve()) },
  view: {
    getContext: jest.fn(() => Promise.resolve({ cloudId: 'cloud-1', accountId: 'reader-1', extension: { project: { key: 'FLOW' } } })),
    createHistory: jest.fn(),
  },
}));
// The shards of the fixtures' answers are placeholders: the decoding step answers the fixture's history instead.
jest.mock('../../../src/shared/project-history-decoding', () => ({
  ...jest.requireActual<object>('../../../src/shared/project-history-decoding'),
  decodeHeldHistory: jest.fn(),
}));

// The controls around the tabs as they are, their renders counted.
jest.mock('./StageRangeFilter', () => {
  const actual = jest.requireActual<typeof import('./StageRangeFilter')>('./StageRangeFilter');
  return { StageRangeFilter: jest.fn(actual.StageRangeFilter) };
});
jest.mock('./ConventionsDisclosure', () => {
  const actual = jest.requireActual<typeof import('./ConventionsDisclosure')>('./ConventionsDisclosure');
  return { ConventionsDisclosure: jest.fn(actual.ConventionsDisclosure) };
});
jest.mock('./export/ExportTabButtons', () => {
  const actual = jest.requireActual<typeof import('./export/ExportTabButtons')>('./export/ExportTabButtons');
  return { ExportTabButtons: jest.fn(actual.ExportTabButtons) };
});

const invokeMock = jest.mocked(invoke);
const createHistoryMock = jest.mocked(view.createHistory);

/** The host's page history at `search`, given to the app by `view.createHistory()`. */
function pageHistoryAt(search: string) {
  const history = hostPageHistoryAt(search);
  createHistoryMock.mockResolvedValue(history.asHost());
  return history;
}

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
const decodeMock = jest.mocked(decodeHeldHistory);
const HELD_KEY = 'cloud-1/reader-1/FLOW';
const clock = () => FIXTURE_NOW;

/** Until the figures asked for are computed: the report is answered later, off the event that asks. */
const computed = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

/**
 * The resolver as it answers a first open (see `withholdsHistory` in src/app/project-page/project-view.ts), for a
 * project of `issueCount` issues (which decides whether the page loads the history ahead): the Overview's figures
 * alone when asked for them first and the sync's summary is current (`summary`); the history withheld from an
 * Overview request with `overviewOnly`, and from a request with `historyUpTo` that is not to bring it; the history
 * otherwise, or what `answerHistory` answers.
 */
function answerFirstOpen(
  issueCount: number,
  { summary = true, answerHistory }: { summary?: boolean; answerHistory?: () => Promise<unknown> },
) {
  const full = projectViewData();
  const { config } = flowConfigOf(full.flowConfig, full.workflow);
  const result = reportModel(flowHistory(), full.workflow, full.flowConfig, FIXTURE_NOW).reportFor(
    defaultFilters(flowHistory().issueTypes, config.excludedIssueTypes),
  );
  if (!result.ok) throw new Error(result.message);
  const overview = {
    figures: overviewFigures(result.report),
    cycleTime: packCycleTimeFigures(result.report),
    clampedFrom: result.clampedFrom,
    dictionaries: full.history!.dictionaries,
    issueCount,
    version: full.history!.version,
  };
  invokeMock.mockImplementation((_key, payload) => {
    const { overviewFirst, historyUpTo, overviewOnly } = payload as ProjectViewPayload;
    if (overviewFirst && summary) return Promise.resolve(ok({ ...full, history: null, overview }));
    const loadedApart = historyUpTo !== undefined && issueCount <= historyUpTo;
    if ((overviewFirst && overviewOnly) || (historyUpTo !== undefined && (overviewFirst ? loadedApart : !loadedApart)))
      return Promise.resolve(ok({ ...full, history: null, historyWithheld: true }));
    return answerHistory?.() ?? Promise.resolve(ok(full));
  });
}

/** As `answerFirstOpen`, with the sync's Overview summary current. */
const answerOverviewFirst = (issueCount: number, answerHistory?: () => Promise<unknown>) => answerFirstOpen(issueCount, { answerHistory });

/** The last sync of the fixtures' project, as the page's project answer names it (`dataVersion`). */
const LAST_SYNC = projectViewData().sync.lastSuccessAt;

/** A first open's two requests, sent together: the Overview's, and the history's own (see history-prefetch.ts). */
const OVERVIEW_REQUEST = { overviewFirst: true, overviewOnly: true };
const HISTORY_REQUEST = { historyUpTo: PREFETCH_MAX_ISSUES };

beforeEach(() => {
  decodeMock.mockImplementation(() => Promise.resolve(flowHistory()));
});

afterEach(async () => {
  invokeMock.mockReset();
  createHistoryMock.mockReset();
  decodeMock.mockReset();
  await writeHeldHistory(HELD_KEY, null);
});

describe('ProjectMetrics', () => {
  it('shows a spinner, then computes the report and shows the overview tab', async () => {
    const answer = deferred<unknown>();
    answerFirstOpen(20, { summary: false, answerHistory: () => answer.promise });

    render(<ProjectMetrics clock={clock} />);
    expect(screen.getByTestId('page-loading')).toBeTruthy();
    // A browser holding no history asks for the Overview and, at the same time, for the history of a small
    // project; without a current summary, the history's own request brings it.
    await waitFor(() => expect(invokeMock.mock.calls.map((call) => call[1])).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));

    await act(() => {
      answer.resolve(ok(projectViewData()));
      return answer.promise;
    });

    expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
    expect(screen.getByTestId('metric-wip').textContent).toContain('4 items');
    expect(screen.getByTestId('metric-cycle-time-50').textContent).toContain('4 days');
    expect(screen.getByTestId('metric-cycle-time-85').textContent).toContain('6 days');
    expect(screen.getByTestId('metric-at-risk').textContent).toContain('4 items');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([...TAB_LABELS]);
  });

  it('asks for every part of a history that came in parts', async () => {
    answerFirstOpen(20, {
      summary: false,
      answerHistory: () => {
        const from = (invokeMock.mock.lastCall![1] as { fromShard?: number }).fromShard ?? 0;
        return Promise.resolve(ok(projectViewData({ history: historyPart({ fromShard: from, nextShard: from < 2 ? from + 1 : null }) })));
      },
    });

    render(<ProjectMetrics clock={clock} />);

    expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
    expect(invokeMock.mock.calls.map((call) => call[1])).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, { fromShard: 1 }, { fromShard: 2 }]);
  });

  it('paints the Overview from the summary alone, and loads the history of a big project only when the reader opens another tab', async () => {
    answerOverviewFirst(PREFETCH_MAX_ISSUES + 1);

    render(<ProjectMetrics clock={clock} />);

    expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
    expect(screen.getByTestId('metric-wip').textContent).toContain('4 items');
    expect(screen.getByTestId('metric-cycle-time-85').textContent).toContain('6 days');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([...TAB_LABELS]);
    // Long enough for an idle moment: a history this big is withheld from its own request, and not asked again.
    await computed();
    expect(invokeMock.mock.calls.map((call) => call[1])).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    expect(decodeMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('tab', { name: 'Throughput' }));
    expect(await screen.findByTestId('tab-panel-throughput')).toBeTruthy();
    expect(invokeMock.mock.calls.map((call) => call[1])).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, {}]);
    expect(screen.getByRole('tab', { name: 'Throughput' }).getAttribute('aria-selected')).toBe('true');
  });

  describe('loading the history ahead', () => {
    const payloads = () => invokeMock.mock.calls.map((call) => call[1]);

    it('asks for the history together with the Overview, not after it: both requests leave before either answers', async () => {
      const overview = deferred<unknown>();
      const history = deferred<unknown>();
      invokeMock.mockImplementation((_key, payload) =>
        (payload as ProjectViewPayload).overviewFirst ? overview.promise : history.promise,
      );

      render(<ProjectMetrics clock={clock} />);

      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));
      expect(screen.getByTestId('page-loading')).toBeTruthy();
      answerOverviewFirst(PREFETCH_MAX_ISSUES);
      await act(async () => {
        overview.resolve(await invokeMock.getMockImplementation()!(GET_PROJECT_VIEW, OVERVIEW_REQUEST));
        history.resolve(ok(projectViewData()));
      });
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      await waitFor(() => expect(decodeMock).toHaveBeenCalledTimes(1));
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    });

    it("starts both requests as the page's script starts, and the metrics take them without asking again", async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);
      pageHistoryAt('');
      startFirstOpen(addressNamesAView);
      // Before anything is drawn.
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));

      render(<ProjectMetrics clock={clock} dataVersion={LAST_SYNC} />);
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      await waitFor(() => expect(decodeMock).toHaveBeenCalledTimes(1));
      fireEvent.click(screen.getByRole('tab', { name: 'Throughput' }));
      expect(await screen.findByTestId('tab-panel-throughput')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
      expect(createHistoryMock).toHaveBeenCalledTimes(1);
    });

    it("sends the Overview's request before the page's address and what the browser holds are known", async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);
      const address = deferred<ReturnType<ReturnType<typeof hostPageHistoryAt>['asHost']>>();
      createHistoryMock.mockReturnValue(address.promise);
      startFirstOpen(addressNamesAView);
      expect(payloads()).toEqual([OVERVIEW_REQUEST]);

      address.resolve(hostPageHistoryAt('').asHost());
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));
      render(<ProjectMetrics clock={clock} dataVersion={LAST_SYNC} />);
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    });

    it("asks for a bigger project's history once both first requests answered without it (its summary not current)", async () => {
      answerFirstOpen(PREFETCH_MAX_ISSUES + 1, { summary: false });
      pageHistoryAt('');
      startFirstOpen(addressNamesAView);
      render(<ProjectMetrics clock={clock} dataVersion={LAST_SYNC} />);
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      await waitFor(() => expect(decodeMock).toHaveBeenCalledTimes(1));
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, {}]);
    });

    it("leaves the Overview's early answer unread when the browser holds a history, and asks for the edits since", async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);
      await writeHeldHistory(HELD_KEY, historyPart());
      pageHistoryAt('');
      startFirstOpen(addressNamesAView);
      await waitFor(() => expect(payloads()).toHaveLength(2));
      expect(payloads()).toEqual([OVERVIEW_REQUEST, { since: historyPart().version }]);
    });

    it("starts the whole history's load as the page's script starts when the address names a view", async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES + 1);
      pageHistoryAt('?tab=flow');
      startFirstOpen(addressNamesAView);
      // The Overview's request leaves before the address is read; its answer is left unread.
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, {}]));

      render(<ProjectMetrics clock={clock} dataVersion={LAST_SYNC} />);
      expect(await screen.findByTestId('tab-panel-flow')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, {}]);
      expect(decodeMock).toHaveBeenCalledTimes(1);
    });

    it('asks again when the load the script started is of another sync than the page shows (the first sync finished since)', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);
      pageHistoryAt('');
      startFirstOpen(addressNamesAView);
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));

      render(<ProjectMetrics clock={clock} dataVersion="2026-03-12T12:00:00.000Z" />);
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      // The history loaded ahead is held by then: the page asks for the edits since.
      await waitFor(() => expect(payloads()).toHaveLength(3));
      expect(Object.keys(payloads()[2] as object)).toEqual(['since']);
    });

    it('loads the history with the Overview, and the tab the reader opens uses it without asking again', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);

      render(<ProjectMetrics clock={clock} />);

      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      await waitFor(() => expect(decodeMock).toHaveBeenCalledTimes(1));
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
      // Loaded, not shown: the Overview stays on the summary's figures.
      expect(screen.getByTestId('metric-wip').textContent).toContain('4 items');

      fireEvent.click(screen.getByRole('tab', { name: 'Throughput' }));
      expect(await screen.findByTestId('tab-panel-throughput')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
      expect(decodeMock).toHaveBeenCalledTimes(1);
    });

    it('computes the figures a chart tab opens on while the Overview is read, so the click waits for nothing', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES);

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      await waitFor(() => expect(decodeMock).toHaveBeenCalledTimes(1));
      // The idle moment after the history arrives, and the figures computed then (as the worker would).
      await computed();
      await computed();

      fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
      // Not the chart kept with the Overview's figures, drawn for nothing before the report's.
      expect(screen.queryByTestId('chart-cycle-time-scatter')).toBeNull();
      // Only promises already settled: no timer runs, so nothing can be computed after the click.
      for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
      expect(screen.getByTestId('tab-panel-cycle-time')).toBeTruthy();
      expect(screen.queryByTestId('page-loading')).toBeNull();
      // The report's chart from the first drawing on the history: not the one kept with the Overview's figures,
      // drawn for nothing before it.
      expect(within(screen.getByTestId('chart-cycle-time-scatter')).getByRole('application').getAttribute('aria-label')).toContain(
        'Enter opens the item',
      );
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    });

    it('a tab opened while the history is still loading waits for that load instead of asking again', async () => {
      const answer = deferred<unknown>();
      answerOverviewFirst(PREFETCH_MAX_ISSUES, () => answer.promise);

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));

      fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
      expect(screen.getByTestId('page-loading')).toBeTruthy();
      await act(() => {
        answer.resolve(ok(projectViewData()));
        return answer.promise;
      });
      expect(await screen.findByTestId('tab-panel-flow')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    });

    it("draws the Cycle time chart from the figures kept with the Overview while the history loads; the report's then takes its place, the same chart", async () => {
      const answer = deferred<unknown>();
      answerOverviewFirst(PREFETCH_MAX_ISSUES, () => answer.promise);

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
      // At once, from the figures the Overview came with: no history yet.
      const scatter = () => screen.getByTestId('chart-cycle-time-scatter');
      const drawn = () => ({
        dots: within(scatter()).getByTestId('chart-dots').getAttribute('data-point-count'),
        caption: scatter().querySelector('figcaption')?.textContent,
        lines: [...scatter().querySelectorAll('.fm-chart-reference-label')].map((label) => label.textContent),
        histogram: screen.getByTestId('chart-cycle-time-histogram').textContent,
        filters: screen.getByTestId('filter-range').textContent,
      });
      // The histogram under it a frame later (see CycleTimeView's useShownAfterFirstFrame).
      await screen.findByTestId('chart-cycle-time-histogram');
      const kept = drawn();
      expect(Number(kept.dots)).toBeGreaterThan(0);
      expect(decodeMock).not.toHaveBeenCalled();
      // A dot it describes says what is known of it, and that its item comes with the history; none opens.
      const chart = within(scatter()).getByRole('application');
      act(() => chart.focus());
      expect(screen.getByTestId('chart-announcement').textContent).toMatch(
        /^An item done .*\(its key and type show once the history has loaded\)\. 1 of /,
      );
      expect(chart.getAttribute('aria-label')).not.toContain('Enter opens');

      await act(() => {
        answer.resolve(ok(projectViewData()));
        return answer.promise;
      });
      // The history is in, its report not yet: the chart stays, rather than giving way to a spinner.
      expect(drawn()).toEqual(kept);
      await computed();
      await computed();
      // The report's chart: the same drawing, its dots now naming their items.
      expect(drawn()).toEqual(kept);
      const report = within(scatter()).getByRole('application');
      expect(report.getAttribute('aria-label')).toContain('Enter opens the item');
      act(() => report.focus());
      expect(screen.getByTestId('chart-announcement').textContent).toMatch(/^FLOW-\d+ \(/);
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
    });

    it("keeps the log scale ticked on the chart kept with the Overview once the report's chart takes its place", async () => {
      const answer = deferred<unknown>();
      answerOverviewFirst(PREFETCH_MAX_ISSUES, () => answer.promise);

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
      const logScale = () => screen.getByTestId<HTMLInputElement>('scatter-log-scale--hidden-checkbox');
      fireEvent.click(logScale());
      expect(logScale().checked).toBe(true);

      await act(() => {
        answer.resolve(ok(projectViewData()));
        return answer.promise;
      });
      await computed();
      await computed();
      expect(within(screen.getByTestId('chart-cycle-time-scatter')).getByRole('application').getAttribute('aria-label')).toContain(
        'Enter opens the item',
      );
      expect(logScale().checked).toBe(true);
    });

    it('forgets a load ahead that failed: the tab the reader opens asks again', async () => {
      const answers = [Promise.resolve(failed('UNAVAILABLE', 'Storage did not answer.')), Promise.resolve(ok(projectViewData()))];
      answerOverviewFirst(PREFETCH_MAX_ISSUES, () => answers.shift()!);

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      await waitFor(() => expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]));
      await computed();
      // The failure is not shown: the reader did not ask for the history.
      expect(screen.getByTestId('metric-wip').textContent).toContain('4 items');

      fireEvent.click(screen.getByRole('tab', { name: 'Throughput' }));
      expect(await screen.findByTestId('tab-panel-throughput')).toBeTruthy();
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, {}]);
    });

    it('reads nothing ahead while the page is in a background tab, and loads once it is shown', async () => {
      const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      try {
        answerOverviewFirst(PREFETCH_MAX_ISSUES);
        render(<ProjectMetrics clock={clock} />);
        await screen.findByTestId('tab-panel-overview');
        await computed();
        expect(payloads()).toEqual([{ overviewFirst: true }]);

        visibility.mockReturnValue('visible');
        act(() => void document.dispatchEvent(new Event('visibilitychange')));
        await waitFor(() => expect(payloads()).toEqual([{ overviewFirst: true }, {}]));
      } finally {
        visibility.mockRestore();
      }
    });
  });

  it('says the charts follow the first sync when a measured project has no history yet', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData({ history: null })));

    render(<ProjectMetrics clock={clock} />);

    const empty = await screen.findByTestId('metrics-empty');
    expect(empty.textContent).toContain("Charts appear once this project's first sync has finished.");
    expect(empty.textContent).not.toContain('Flow metrics settings');
    expect(decodeMock).not.toHaveBeenCalled();
  });

  it('tells where to enable a project that is not measured', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData({ history: null, measured: false })));

    render(<ProjectMetrics clock={clock} />);

    const empty = await screen.findByTestId('metrics-empty');
    expect(empty.textContent).toContain('Flow metrics are not collected for this project.');
    expect(empty.textContent).toContain('Jira settings → Apps → Flow metrics settings → Projects');
  });

  it('shows a failed load with a retry that loads again', async () => {
    invokeMock.mockResolvedValue(failed('UNAVAILABLE', 'Storage did not answer.'));

    render(<ProjectMetrics clock={clock} />);

    expect((await screen.findByTestId('load-error')).textContent).toContain('Storage did not answer.');
    answerFirstOpen(20, { summary: false });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
  });

  it('shows only "no access" when the resolver answers FORBIDDEN', async () => {
    invokeMock.mockResolvedValueOnce(failed('FORBIDDEN', 'no BROWSE_PROJECTS'));

    render(<ProjectMetrics clock={clock} />);

    expect((await screen.findByTestId('access-denied')).textContent).toContain("don't have access");
    expect(screen.queryByTestId('flow-report')).toBeNull();
  });

  it('reports a failure of a later part as that part’s error', async () => {
    answerFirstOpen(20, {
      summary: false,
      answerHistory: () =>
        Promise.resolve(
          (invokeMock.mock.lastCall![1] as { fromShard?: number }).fromShard === 1
            ? failed('RATE_LIMITED', 'Too many calls.')
            : ok(projectViewData({ history: historyPart({ nextShard: 1 }) })),
        ),
    });

    render(<ProjectMetrics clock={clock} />);

    expect((await screen.findByTestId('load-error')).textContent).toContain('Too many calls.');
  });

  it('explains a history that cannot be decoded', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));
    decodeMock.mockRejectedValueOnce(new PackedShardError('it does not decompress'));

    render(<ProjectMetrics clock={clock} />);

    expect((await screen.findByTestId('load-error')).textContent).toContain('could not be read');
  });

  it('switches tabs, and the filters change every view', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));

    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');

    fireEvent.click(screen.getByRole('tab', { name: 'Issues' }));
    await computed();
    const issuesCount = () => screen.getByTestId('issues-count').textContent;
    expect(issuesCount()).toBe(`20 finished from ${formatDate('2026-02-01')} to ${formatDate('2026-03-12')}, plus 4 in progress now`);

    const bug = within(screen.getByTestId('filter-issue-types')).getByLabelText('Bug');
    fireEvent.click(bug);
    await computed();
    expect(issuesCount()).toBe(`7 finished from ${formatDate('2026-02-01')} to ${formatDate('2026-03-12')}, plus 1 in progress now`);

    fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('7');
    // Only the tab shown is drawn: a filter change redraws one view, not every view visited before.
    expect(screen.queryByTestId('tab-panel-issues')).toBeNull();

    fireEvent.change(screen.getByTestId('filter-range'), { target: { value: '30' } });
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toContain(
      `between ${formatDate('2026-02-11')} and ${formatDate('2026-03-12')}`,
    );
  });

  it('draws the controls around the tabs again only when what they show changes, not at every filter change', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));
    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');
    fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
    await computed();
    const stageRange = jest.mocked(StageRangeFilter);
    const conventions = jest.mocked(ConventionsDisclosure);
    const exportButtons = jest.mocked(ExportTabButtons);
    for (const control of [stageRange, conventions, exportButtons]) control.mockClear();

    fireEvent.click(within(screen.getByTestId('filter-issue-types')).getByLabelText('Bug'));
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('7');
    expect(stageRange).not.toHaveBeenCalled();
    expect(conventions).not.toHaveBeenCalled();
    // The export's caption names the filters: drawn once for the change, not again when its figures arrive.
    expect(exportButtons).toHaveBeenCalledTimes(1);

    // A handler kept across renders still applies to the filters chosen since: the stage range keeps Bug.
    fireEvent.change(screen.getByTestId('filter-stage-from'), { target: { value: 'In Progress' } });
    await computed();
    expect(stageRange).toHaveBeenCalled();
    expect(within(screen.getByTestId('filter-issue-types')).getByLabelText<HTMLInputElement>('Bug').checked).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Throughput' }));
    await computed();
    expect(selectedTab()).toBe('Throughput');
    expect(within(screen.getByTestId('filter-issue-types')).getByLabelText<HTMLInputElement>('Bug').checked).toBe(true);
  });

  it('explains an unreadable saved configuration and uses the defaults', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData({ flowConfig: { window: 'soon' } })));

    render(<ProjectMetrics clock={clock} />);

    expect((await screen.findByTestId('config-note')).textContent).toContain('defaults are used');
    expect(screen.getByTestId('tab-panel-overview')).toBeTruthy();
  });

  it('applies a custom period to every view, and ignores one that is not valid', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));

    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');

    fireEvent.change(screen.getByTestId('filter-range'), { target: { value: 'custom' } });
    await computed();
    fireEvent.change(screen.getByTestId('filter-range-from'), { target: { value: '2026-02-21' } });
    await computed();
    expect(screen.getByTestId('metric-throughput').textContent).toContain('1.4 items');
    expect(screen.getByTestId('metric-throughput-change').textContent).toBe('▼ 75% vs previous 20 days (worse)');

    fireEvent.change(screen.getByTestId('filter-range-to'), { target: { value: '2026-03-13' } });
    await computed();
    expect(screen.getByTestId('filter-range-problem').textContent).toContain(`cannot be after today (${formatDate('2026-03-12')})`);

    fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter-summary').textContent).toContain(
      `4 items finished between ${formatDate('2026-02-21')} and ${formatDate('2026-03-12')}`,
    );
    // The Issues tab lists the items behind those charts: the 4 finished in the period and the 4 in progress.
    fireEvent.click(screen.getByRole('tab', { name: 'Issues' }));
    await computed();
    expect(screen.getByTestId('issues-count').textContent).toBe(
      `4 finished from ${formatDate('2026-02-21')} to ${formatDate('2026-03-12')}, plus 4 in progress now`,
    );
    expect(within(screen.getByTestId('issues-table--table')).getAllByRole('row')).toHaveLength(9);
  });

  it('opens with epics and sub-tasks left out, which a reader can tick back in', async () => {
    decodeMock.mockReset();
    decodeMock.mockImplementation(() =>
      Promise.resolve(
        boardHistory([
          {
            key: 'FLOW-1',
            type: 'Story',
            created: '2026-02-01T09:00Z',
            moves: [
              ['2026-02-02T09:00Z', 'In Progress'],
              ['2026-02-04T09:00Z', 'Done'],
            ],
          },
          {
            key: 'FLOW-2',
            type: 'Epic',
            created: '2026-02-01T09:00Z',
            moves: [
              ['2026-02-02T09:00Z', 'In Progress'],
              ['2026-03-04T09:00Z', 'Done'],
            ],
          },
          {
            key: 'FLOW-3',
            type: 'Sub-task',
            created: '2026-02-01T09:00Z',
            moves: [
              ['2026-02-02T09:00Z', 'In Progress'],
              ['2026-02-03T09:00Z', 'Done'],
            ],
          },
        ]),
      ),
    );
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));

    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');
    const types = screen.getByTestId('filter-issue-types');
    const ticked = (type: string) => within(types).getByLabelText<HTMLInputElement>(type).checked;
    expect([ticked('Story'), ticked('Epic'), ticked('Sub-task')]).toEqual([true, false, false]);
    fireEvent.click(screen.getByRole('tab', { name: 'Cycle time' }));
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('1');
    fireEvent.click(within(types).getByLabelText('Epic'));
    await computed();
    expect(screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('2');
  });

  it('says a period asked from before the history starts on its first day', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));

    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');
    fireEvent.change(screen.getByTestId('filter-range'), { target: { value: 'custom' } });
    await computed();
    fireEvent.change(screen.getByTestId('filter-range-from'), { target: { value: '1970-01-01' } });
    await computed();
    expect(screen.getByTestId('period-note').textContent).toBe(
      `The history starts on ${formatDate('2026-02-01')}, so the period starts there rather than on ${formatDate('1970-01-01')}.`,
    );
    expect(screen.getByTestId('metric-throughput').textContent).toContain('3.5 items');
  });

  it('explains the project’s conventions next to the filters', async () => {
    invokeMock.mockResolvedValueOnce(ok(projectViewData()));

    render(<ProjectMetrics clock={clock} />);
    await screen.findByTestId('tab-panel-overview');
    fireEvent.click(screen.getByRole('button', { name: 'Conventions' }));

    const panel = screen.getByRole('region', { name: 'Conventions in use' });
    expect(panel.textContent).toContain('When it enters In Progress or any later stage.');
    expect(panel.textContent).toContain('Stage Review');
    expect(panel.textContent).toContain('In Review.');
  });

  it('loads the history of a newer sync in the background, keeping the filters', async () => {
    invokeMock.mockResolvedValue(ok(projectViewData()));
    const { rerender } = render(<ProjectMetrics clock={clock} dataVersion="2026-03-12T10:00:00.000Z" />);
    await screen.findByTestId('tab-panel-overview');
    fireEvent.click(within(screen.getByTestId('filter-issue-types')).getByLabelText('Bug'));
    const answer = deferred<unknown>();
    invokeMock.mockReturnValueOnce(answer.promise);

    rerender(<ProjectMetrics clock={clock} dataVersion="2026-03-12T14:05:00.000Z" />);

    await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(2));
    // The browser holds the history it was sent, and asks only for what changed since.
    expect(invokeMock).toHaveBeenLastCalledWith(GET_PROJECT_VIEW, { since: historyPart().version });
    expect(screen.queryByTestId('page-loading')).toBeNull();
    await act(() => {
      answer.resolve(ok(projectViewData()));
      return answer.promise;
    });
    expect(screen.getByTestId('tab-panel-overview')).toBeTruthy();
    expect(within(screen.getByTestId('filter-issue-types')).getByLabelText<HTMLInputElement>('Bug').checked).toBe(true);
  });

  it('keeps the charts when loading a newer history fails', async () => {
    answerFirstOpen(20, { summary: false });
    const { rerender } = render(<ProjectMetrics clock={clock} dataVersion="a" />);
    await screen.findByTestId('tab-panel-overview');
    invokeMock.mockResolvedValue(failed('UNAVAILABLE', 'Storage did not answer.'));

    rerender(<ProjectMetrics clock={clock} dataVersion="b" />);
    await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(3));
    await act(() => Promise.resolve());

    // The browser now holds the history it was sent: it asks for the edits since.
    expect(Object.keys(invokeMock.mock.lastCall![1] as object)).toEqual(['since']);
    expect(screen.getByTestId('tab-panel-overview')).toBeTruthy();
    expect(screen.queryByTestId('load-error')).toBeNull();
  });

  describe('the view in the page URL', () => {
    const payloads = () => invokeMock.mock.calls.map((call) => call[1]);

    it('opens a plain link on the Overview figures, and a link naming a tab or a filter on that view, with the history', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES + 1);
      pageHistoryAt('');
      const plain = render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST]);
      expect(decodeMock).not.toHaveBeenCalled();
      plain.unmount();

      for (const [search, panel] of [
        ['?tab=throughput', 'tab-panel-throughput'],
        ['?period=30', 'tab-panel-overview'],
        ['?label=frontend', 'tab-panel-overview'],
      ] as const) {
        invokeMock.mockClear();
        decodeMock.mockClear();
        // A browser holding no history, as at the first open.
        await writeHeldHistory(HELD_KEY, null);
        pageHistoryAt(search);
        const linked = render(<ProjectMetrics clock={clock} />);
        await screen.findByTestId(panel);
        // The figures answer the first tab with the default filters only: this link is answered from the history.
        expect(payloads()).toEqual([{}]);
        expect(decodeMock).toHaveBeenCalled();
        linked.unmount();
      }
    });

    it('writes to the URL where the reader went from the Overview figures', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES + 1);
      const history = pageHistoryAt('');
      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');

      fireEvent.change(screen.getByTestId('filter-range'), { target: { value: '90' } });
      await waitFor(() => expect(history.location.search).toBe('?period=90'), { timeout: 10_000 });
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, {}]);
      expect(screen.getByTestId<HTMLSelectElement>('filter-range').value).toBe('90');
    });

    it('goes to the view of an address the browser moves to while the Overview figures are shown', async () => {
      answerOverviewFirst(PREFETCH_MAX_ISSUES + 1);
      const history = pageHistoryAt('');
      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');

      history.visit('?tab=flow');
      await screen.findByTestId('tab-panel-flow');
      expect(selectedTab()).toBe('Flow');
      expect(payloads()).toEqual([OVERVIEW_REQUEST, HISTORY_REQUEST, {}]);
    });

    it('opens with the period, issue types and tab the link names', async () => {
      pageHistoryAt('?period=30&type=Bug&tab=cycle-time');
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);

      await screen.findByTestId('tab-panel-cycle-time');
      expect(selectedTab()).toBe('Cycle time');
      expect(screen.getByTestId<HTMLSelectElement>('filter-range').value).toBe('30');
      const ticked = (type: string) => within(screen.getByTestId('filter-issue-types')).getByLabelText<HTMLInputElement>(type).checked;
      expect([ticked('Bug'), ticked('Story')]).toEqual([true, false]);
      expect(screen.queryByTestId('page-url-notice')).toBeNull();
    });

    it('writes each change of filter or tab to the URL, and nothing for the defaults', async () => {
      const history = pageHistoryAt('');
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');
      expect(history.location.search).toBe('');

      fireEvent.change(screen.getByTestId('filter-range'), { target: { value: '90' } });
      expect(history.location.search).toBe('?period=90');
      fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
      expect(history.location.search).toBe('?period=90&tab=flow');
      fireEvent.change(screen.getByTestId('filter-range'), { target: { value: 'custom' } });
      fireEvent.change(screen.getByTestId('filter-range-from'), { target: { value: '2026-02-21' } });
      expect(history.location.search).toBe('?from=2026-02-21&to=2026-03-12&tab=flow');
      fireEvent.click(within(screen.getByTestId('filter-issue-types')).getByLabelText('Bug'));
      expect(history.location.search).toBe('?from=2026-02-21&to=2026-03-12&type=Bug&tab=flow');
    });

    it('shows what a bad link asked that it could not use, and the rest of the view', async () => {
      const history = pageHistoryAt('?period=45&from=2026-03-01&to=nonsense&type=Feature&type=Story&tab=charts');
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);

      const notice = await screen.findByTestId('page-url-notice');
      expect(notice.textContent).toContain('Part of this link was not used');
      expect(notice.textContent).toContain('nonsense is not a date');
      expect(notice.textContent).toContain('This project has no issue type "Feature"');
      expect(notice.textContent).toContain('The page has no tab "charts"');
      // The notice is shown at once; the figures follow when the report is computed (off the page's thread).
      expect(await screen.findByTestId('tab-panel-overview')).toBeTruthy();
      expect(screen.getByTestId<HTMLSelectElement>('filter-range').value).toBe('');
      // The address now says what is shown; the notice stays until the reader changes the view.
      expect(history.location.search).toBe('?type=Story');
      fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
      expect(screen.queryByTestId('page-url-notice')).toBeNull();
    });

    it('follows the browser back and forward to the view of that address', async () => {
      const history = pageHistoryAt('?period=30');
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-overview');

      history.visit('?from=2026-02-10&to=2026-02-20&tab=issues');
      expect(selectedTab()).toBe('Issues');
      expect(screen.getByTestId('filter-range-from')).toHaveProperty('value', '2026-02-10');
      history.visit('');
      expect(selectedTab()).toBe('Overview');
      expect(screen.getByTestId<HTMLSelectElement>('filter-range').value).toBe('');
      expect(screen.queryByTestId('filter-range-from')).toBeNull();
    });

    it('works as before where the host offers no history', async () => {
      createHistoryMock.mockRejectedValue(new Error('The host does not support the bridge call "createHistory"'));
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);

      await screen.findByTestId('tab-panel-overview');
      fireEvent.click(screen.getByRole('tab', { name: 'Flow' }));
      expect(await screen.findByTestId('tab-panel-flow')).toBeTruthy();
    });
  });

  describe('the facet filters', () => {
    const answerWithFacets = () => {
      decodeMock.mockReset();
      decodeMock.mockImplementation(() => Promise.resolve(flowHistoryWithFacets()));
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));
    };
    const dots = () => screen.getByTestId('chart-cycle-time-scatter').querySelector('[data-point-count]')!.getAttribute('data-point-count');

    it('count only the items with a chosen label, parent or resolution, and write the choice to the URL', async () => {
      const history = pageHistoryAt('?tab=cycle-time');
      answerWithFacets();

      render(<ProjectMetrics clock={clock} />);
      await screen.findByTestId('tab-panel-cycle-time');
      await waitFor(() => expect(dots()).toBe('20'));

      fireEvent.click(within(screen.getByTestId('filter-labels')).getByLabelText('mobile (12)'));
      await waitFor(() => expect(dots()).toBe('10'));
      expect(history.location.search).toBe('?label=mobile&tab=cycle-time');

      fireEvent.click(within(screen.getByTestId('filter-parents')).getByLabelText('FLOW-100 (12)'));
      // Odd items among FLOW-1 to FLOW-12, all finished.
      await waitFor(() => expect(dots()).toBe('6'));
      expect(within(screen.getByTestId('filter-parents')).getByText('FLOW-100')).toBeTruthy();

      fireEvent.click(within(screen.getByTestId('filter-labels')).getByLabelText('mobile (12)'));
      fireEvent.click(within(screen.getByTestId('filter-parents')).getByLabelText('FLOW-100 (12)'));
      fireEvent.click(within(screen.getByTestId('filter-resolutions')).getByLabelText("Won't Fix (5)"));
      await waitFor(() => expect(dots()).toBe('5'));
      expect(history.location.search).toBe('?resolution=Won%27t+Fix&tab=cycle-time');
    });

    it('open with the facets a link names, and offer "none" for items without one', async () => {
      pageHistoryAt('?label=&resolution=&tab=aging');
      answerWithFacets();

      render(<ProjectMetrics clock={clock} />);

      await screen.findByTestId('tab-panel-aging');
      expect(within(screen.getByTestId('filter-labels')).getByText('No label')).toBeTruthy();
      expect(within(screen.getByTestId('filter-resolutions')).getByLabelText<HTMLInputElement>('Unresolved (4)').checked).toBe(true);
      // Unresolved and unlabelled: the even items in progress, FLOW-21 and FLOW-23.
      await waitFor(() =>
        expect(screen.getByTestId('chart-aging').querySelector('[data-point-count]')!.getAttribute('data-point-count')).toBe('2'),
      );
    });

    it('are not offered, and a link naming one says why, when the history holds no facets', async () => {
      pageHistoryAt('?label=mobile');
      invokeMock.mockResolvedValueOnce(ok(projectViewData()));

      render(<ProjectMetrics clock={clock} />);

      expect((await screen.findByTestId('page-url-notice')).textContent).toContain('does not hold labels yet');
      expect(screen.queryByTestId('filter-labels')).toBeNull();
    });
  });
});
