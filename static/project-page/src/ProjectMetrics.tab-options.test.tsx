/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { invoke, view } from '@forge/bridge';
import { decodeHeldHistory } from '../../../src/shared/project-history-decoding';
import { FIXTURE_NOW, flowHistory, projectViewData } from '../../testing/flow-fixtures';
import { ok } from '../../testing/resolver-fixtures';
import { hostPageHistoryAt } from '../../testing/host-page-history';
import { formatDate } from '../../common/format-date-time';
import { writeHeldHistory } from './held-history-cache';
import { ProjectMetrics } from './ProjectMetrics';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  router: { open: jest.fn(() => Promise.resolve()) },
  view: {
    getContext: jest.fn(() => Promise.resolve({ cloudId: 'cloud-1', accountId: 'reader-1', extension: { project: { key: 'FLOW' } } })),
    createHistory: jest.fn(),
  },
}));
jest.mock('../../../src/shared/project-history-decoding', () => ({
  ...jest.requireActual<object>('../../../src/shared/project-history-decoding'),
  decodeHeldHistory: jest.fn(),
}));

const invokeMock = jest.mocked(invoke);
const createHistoryMock = jest.mocked(view.createHistory);
const decodeMock = jest.mocked(decodeHeldHistory);
const clock = () => FIXTURE_NOW;

/** The host's page history at `search`, given to the app by `view.createHistory()`. */
function pageHistoryAt(search: string) {
  const history = hostPageHistoryAt(search);
  createHistoryMock.mockResolvedValue(history.asHost());
  return history;
}

/** The page of the fixtures' project (today 12 March 2026, the period 1 February to 12 March), opened at `search`. */
async function openAt(search: string, panel: string) {
  const history = pageHistoryAt(search);
  invokeMock.mockImplementation((key) => Promise.resolve(key === 'countRemainingWork' ? ok({ count: 7 }) : ok(projectViewData())));
  render(<ProjectMetrics clock={clock} />);
  await screen.findByTestId(panel, undefined, { timeout: 10_000 });
  return history;
}

const checked = (testId: string) => screen.getByTestId<HTMLInputElement>(`${testId}--hidden-checkbox`).checked;
const params = (search: string) => new URLSearchParams(search);
/** Until what the page asked in the background has been answered. */
const computed = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

beforeEach(() => {
  decodeMock.mockImplementation(() => Promise.resolve(flowHistory()));
});

afterEach(async () => {
  invokeMock.mockReset();
  createHistoryMock.mockReset();
  decodeMock.mockReset();
  await writeHeldHistory('cloud-1/reader-1/FLOW', null);
});

describe("the tabs' options in the page's URL", () => {
  it("opens the scatterplot with a link's scale, rolling line and zoom, and writes each change back", async () => {
    const history = await openAt('?tab=cycle-time&log-scale=on&rolling=10&zoom=2026-02-09..2026-02-22', 'tab-panel-cycle-time');
    expect(checked('scatter-log-scale')).toBe(true);
    expect(screen.getByTestId<HTMLSelectElement>('scatter-rolling').value).toBe('10');
    const shown = screen.getByTestId('scatter-zoom-range');
    expect([shown.getAttribute('data-from'), shown.getAttribute('data-to')]).toEqual(['2026-02-09', '2026-02-22']);
    expect(screen.queryByTestId('page-url-notice')).toBeNull();

    fireEvent.click(screen.getByTestId('scatter-log-scale--hidden-checkbox'));
    fireEvent.change(screen.getByTestId('scatter-rolling'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(history.location.search).toBe('?tab=cycle-time&rolling=20');
  });

  it('drops the zoom when the period changes: a zoom belongs to the period it was made in', async () => {
    const history = await openAt('?tab=cycle-time&zoom=2026-02-09..2026-02-22', 'tab-panel-cycle-time');
    fireEvent.change(screen.getByTestId('filter-range'), { target: { value: '90' } });
    expect(params(history.location.search).get('zoom')).toBeNull();
  });

  it('opens the cumulative flow diagram hiding what the link hides, and writes each change back', async () => {
    const history = await openAt('?tab=flow&hide-backlog=on', 'tab-panel-flow');
    expect([checked('cumulative-flow-hide-backlog'), checked('cumulative-flow-hide-done')]).toEqual([true, false]);
    fireEvent.click(screen.getByTestId('cumulative-flow-hide-done--hidden-checkbox'));
    expect(history.location.search).toBe('?tab=flow&hide-backlog=on&hide-done=on');
  });

  it("opens the aging on a link's day, writes a new day back, and follows the browser back to the link's", async () => {
    const history = await openAt('?tab=aging&aging-day=2026-02-24', 'tab-panel-aging');
    expect(screen.getByTestId<HTMLInputElement>('aging-as-of').value).toBe('2026-02-24');
    await waitFor(() => expect(screen.getByTestId('chart-aging-summary').textContent).toContain('at the end of'));
    fireEvent.change(screen.getByTestId('aging-as-of'), { target: { value: '2026-03-01' } });
    expect(history.location.search).toBe('?tab=aging&aging-day=2026-03-01');
    fireEvent.change(screen.getByTestId('aging-as-of'), { target: { value: '' } });
    expect(history.location.search).toBe('?tab=aging');
    history.visit('?tab=aging&aging-day=2026-02-24');
    expect(screen.getByTestId<HTMLInputElement>('aging-as-of').value).toBe('2026-02-24');
    // The link's day is computed again, off the page's thread: the test ends once it is shown.
    await waitFor(() =>
      expect(screen.getByTestId('chart-aging-summary').textContent).toContain(`at the end of ${formatDate('2026-02-24')}`),
    );
  });

  it("asks the forecast a link's questions, with its sampling window and start, and counts its epic as the reader", async () => {
    const history = await openAt('?tab=forecast&sample=30&start=2026-03-16&by=2026-04-30&epic=FLOW-12', 'tab-panel-forecast');
    expect(screen.getByTestId<HTMLSelectElement>('forecast-sampling-mode').value).toBe('last-30');
    expect(screen.getByTestId<HTMLInputElement>('forecast-start-date').value).toBe('2026-03-16');
    expect(screen.getByTestId<HTMLInputElement>('forecast-target-date').value).toBe('2026-04-30');
    expect(screen.getByTestId<HTMLInputElement>('forecast-remaining-epic').value).toBe('FLOW-12');
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('countRemainingWork', { source: 'epic', epicKey: 'FLOW-12' }));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('forecast-items').value).toBe('7'));
    // The questions asked are the link's: the heading names its start, the chart its sampling window.
    await waitFor(() => expect(screen.getByTestId('tab-panel-forecast').textContent).toContain(`starting ${formatDate('2026-03-16')}`));
    expect(screen.getByTestId('tab-panel-forecast').textContent).toContain(`How many items by ${formatDate('2026-04-30')}`);
    expect(screen.getByTestId('tab-panel-forecast').textContent).toContain('sampled from 30 days');
    expect(params(history.location.search).get('items')).toBe('7');

    fireEvent.change(screen.getByTestId('forecast-items'), { target: { value: '12' } });
    expect(params(history.location.search).get('items')).toBe('12');
  });

  it('writes a query counted by the reader to the URL, counting it once and keeping what Jira counted in view', async () => {
    const history = await openAt('?tab=forecast', 'tab-panel-forecast');
    fireEvent.change(screen.getByTestId('forecast-remaining-source'), { target: { value: 'jql' } });
    fireEvent.change(screen.getByTestId('forecast-remaining-jql'), { target: { value: 'issuetype = Bug' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    await waitFor(() => expect(params(history.location.search).get('jql')).toBe('issuetype = Bug'));
    await computed();
    expect(screen.getByTestId('forecast-remaining-outcome').textContent).toBe('Jira counts 7 unfinished items matching the query for you.');
    expect(screen.queryByTestId('forecast-remaining-problem')).toBeNull();
    expect(invokeMock.mock.calls.filter(([key]) => key === 'countRemainingWork')).toHaveLength(1);
  });

  it('shows the defaults for the values of a link it cannot use, says which, and keeps the rest', async () => {
    await openAt('?tab=flow&hide-done=maybe&hide-backlog=on&rolling=3', 'tab-panel-flow');
    const notice = screen.getByTestId('page-url-notice').textContent;
    expect(notice).toContain('"hide-done=maybe" was left out');
    expect(notice).toContain('"rolling=3" was left out');
    expect([checked('cumulative-flow-hide-backlog'), checked('cumulative-flow-hide-done')]).toEqual([true, false]);
  });
});
