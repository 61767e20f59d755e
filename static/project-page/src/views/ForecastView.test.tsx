/** @jest-environment jsdom */
import { expect } from '@jest/globals';
import '../../../testing/atlaskit-test-env';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  computeReport,
  type FlowReport,
  type ForecastQuestions,
  type ForecastSection,
  NO_FILTERS,
  reportModel,
} from '../../../../src/domain';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import type { RemainingWorkPayload } from '../../../../src/shared/resolver-contract';
import { formatDate } from '../../../common/format-date-time';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { ForecastView } from './ForecastView';
import type { CountRemainingWork } from './RemainingWorkField';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
// Each answer is 10,000 simulated futures: on a busy machine one takes longer than the default second.
configure({ asyncUtilTimeout: 10_000 });

/**
 * The forecast's own settings: the sampling window, the start date and the remaining work counted by Jira.
 * The fixture's today is 12 March 2026.
 */
const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report: FlowReport = result.report;
const model = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW);
const history = model.forecastFor(NO_FILTERS, {}).sampleable!;

let asked: ForecastQuestions[] = [];
const ask = (questions: ForecastQuestions) => {
  asked.push(questions);
  return new Promise<ForecastSection>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(model.forecastFor(NO_FILTERS, questions));
      } catch (cause) {
        reject(cause instanceof Error ? cause : new Error(String(cause)));
      }
    }, 0),
  );
};
beforeEach(() => {
  asked = [];
});

const neverCounted: CountRemainingWork = () => Promise.reject(new Error('not expected'));
const show = async (countRemaining = neverCounted) => {
  render(<ForecastView report={report} ask={ask} projectKey="FLOW" countRemaining={countRemaining} />);
  await screen.findByTestId('forecast-how-many-sentence');
};
const title = (chart: string) => screen.getByTestId(chart).textContent ?? '';
const settled = () => waitFor(() => expect(screen.getByTestId('forecast-status').textContent).toBe(''));

describe('the sampling window the reader chooses', () => {
  it("says on each chart which days the futures were drawn from, by default the project's setting", async () => {
    await show();
    const configured = model.forecastFor(NO_FILTERS, {}).samplingWindow!;
    expect(title('chart-forecast-how-many')).toContain(`, ${formatDate(configured.from)} – ${formatDate(configured.to)}`);
  });

  it('draws from the last N days picked, ending yesterday', async () => {
    await show();
    fireEvent.change(screen.getByTestId('forecast-sampling-mode'), { target: { value: 'last-30' } });
    // 30 days ending 11 March: from 10 February.
    await waitFor(() =>
      expect(title('chart-forecast-how-many')).toContain(`sampled from 30 days, ${formatDate('2026-02-10')} – ${formatDate('2026-03-11')}`),
    );
    expect(title('chart-forecast-when')).toContain('sampled from 30 days');
    expect(asked.at(-1)).toMatchObject({ samplingWindow: { lastDays: 30 } });
  });

  it('takes a number of days typed, and says beside it what is wrong with one too small', async () => {
    await show();
    fireEvent.change(screen.getByTestId('forecast-sampling-mode'), { target: { value: 'days' } });
    fireEvent.change(screen.getByTestId('forecast-sampling-days'), { target: { value: '10' } });
    const problem = screen.getByTestId('forecast-sampling-problem');
    expect(problem.textContent).toMatch(/^Choose a whole number of days from 14 to \d+ \(the history starts on /);
    expect(screen.getByTestId('forecast-sampling-days').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('forecast-sampling-days').getAttribute('aria-describedby')).toBe(problem.id);
    expect(asked.some((questions) => questions.samplingWindow !== undefined)).toBe(false);
    fireEvent.change(screen.getByTestId('forecast-sampling-days'), { target: { value: '28' } });
    await waitFor(() =>
      expect(title('chart-forecast-how-many')).toContain(`sampled from 4 weeks, ${formatDate('2026-02-12')} – ${formatDate('2026-03-11')}`),
    );
    expect(screen.queryByTestId('forecast-sampling-problem')).toBeNull();
  });

  it('takes a date range inside the history, and refuses one that starts before it', async () => {
    await show();
    fireEvent.change(screen.getByTestId('forecast-sampling-mode'), { target: { value: 'range' } });
    const before = screen.getByTestId('forecast-how-many-sentence').textContent;
    fireEvent.change(screen.getByTestId('forecast-sampling-from'), { target: { value: '2020-01-01' } });
    expect(screen.getByTestId('forecast-sampling-problem').textContent).toBe(
      `The history starts on ${formatDate(history.from)}: choose a start on or after it.`,
    );
    expect(screen.getByTestId('forecast-how-many-sentence').textContent).toBe(before);
    fireEvent.change(screen.getByTestId('forecast-sampling-from'), { target: { value: '2026-02-20' } });
    fireEvent.change(screen.getByTestId('forecast-sampling-to'), { target: { value: '2026-03-05' } });
    // 20 February to 5 March: 14 days, two weeks.
    await waitFor(() =>
      expect(title('chart-forecast-how-many')).toContain(`sampled from 2 weeks, ${formatDate('2026-02-20')} – ${formatDate('2026-03-05')}`),
    );
    expect(asked.at(-1)).toMatchObject({ samplingWindow: { from: '2026-02-20', to: '2026-03-05' } });
  });
});

describe('the start date', () => {
  it('starts the futures on a later day, and moves a target before it to it', async () => {
    await show();
    fireEvent.change(screen.getByTestId('forecast-target-date'), { target: { value: '2026-03-20' } });
    await settled();
    fireEvent.change(screen.getByTestId('forecast-start-date'), { target: { value: '2026-03-23' } });
    expect(screen.getByTestId<HTMLInputElement>('forecast-target-date').value).toBe('2026-03-23');
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toContain(`starting ${formatDate('2026-03-23')}`),
    );
    expect(asked.at(-1)).toMatchObject({ startDate: '2026-03-23', targetDate: '2026-03-23' });
    // The "when" answers are days on or after the start.
    const when = model.forecastFor(NO_FILTERS, asked.at(-1)!).when!;
    expect(when.table.every((row) => row.date === null || row.date >= '2026-03-23')).toBe(true);
    const rows = [...screen.getByTestId('forecast-when-table').querySelectorAll('tbody tr td:last-child')].map((cell) => cell.textContent);
    expect(rows).toEqual(when.table.map((row) => (row.date === null ? 'beyond the horizon' : formatDate(row.date))));
    // A target before the start is refused beside the field.
    fireEvent.change(screen.getByTestId('forecast-target-date'), { target: { value: '2026-03-20' } });
    expect(screen.getByTestId('forecast-target-date-problem').textContent).toBe(
      `Choose a date on or after the start (${formatDate('2026-03-23')}).`,
    );
  });

  it('refuses a day already past, beside the field', async () => {
    await show();
    fireEvent.change(screen.getByTestId('forecast-start-date'), { target: { value: '2026-03-01' } });
    expect(screen.getByTestId('forecast-start-date-problem').textContent).toBe(
      `Choose today (${formatDate('2026-03-12')}) or a later day: earlier days have happened.`,
    );
    expect(screen.getByTestId('forecast-start-date').getAttribute('aria-invalid')).toBe('true');
    expect(asked.some((questions) => questions.startDate !== undefined)).toBe(false);
  });
});

describe('the remaining work counted by Jira', () => {
  it("counts a JQL query's unfinished items and forecasts when they will be done", async () => {
    const calls: RemainingWorkPayload[] = [];
    await show((payload) => {
      calls.push(payload);
      return Promise.resolve({ ok: true, data: { count: 23 } });
    });
    fireEvent.change(screen.getByTestId('forecast-remaining-source'), { target: { value: 'jql' } });
    fireEvent.change(screen.getByTestId('forecast-remaining-jql'), { target: { value: '  issuetype = Bug ' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    await waitFor(() =>
      expect(screen.getByTestId('forecast-remaining-outcome').textContent).toBe(
        'Jira counts 23 unfinished items matching the query for you.',
      ),
    );
    expect(calls).toEqual([{ source: 'jql', jql: 'issuetype = Bug' }]);
    expect(screen.getByTestId<HTMLInputElement>('forecast-items').value).toBe('23');
    await waitFor(() => expect(screen.getByTestId('forecast-when-sentence').textContent).toMatch(/^85% chance that 23 items are done by /));
  });

  it("shows Jira's reason for refusing a query beside the field, and keeps the forecast", async () => {
    await show(() =>
      Promise.resolve({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: "Jira could not run this query: Field 'colour' does not exist or you do not have permission to view it.",
        },
      }),
    );
    const sentence = screen.getByTestId('forecast-when-sentence').textContent;
    fireEvent.change(screen.getByTestId('forecast-remaining-source'), { target: { value: 'jql' } });
    fireEvent.change(screen.getByTestId('forecast-remaining-jql'), { target: { value: 'colour = blue' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    const problem = await screen.findByTestId('forecast-remaining-problem');
    expect(problem.textContent).toBe(
      "Jira could not run this query: Field 'colour' does not exist or you do not have permission to view it.",
    );
    expect(screen.getByTestId('forecast-remaining-jql').getAttribute('aria-describedby')).toBe(problem.id);
    expect(screen.getByTestId('forecast-when-sentence').textContent).toBe(sentence);
  });

  it("refuses an epic of another project before asking Jira, and counts one of this project's", async () => {
    const calls: RemainingWorkPayload[] = [];
    await show((payload) => {
      calls.push(payload);
      return Promise.resolve({ ok: true, data: { count: 1 } });
    });
    fireEvent.change(screen.getByTestId('forecast-remaining-source'), { target: { value: 'epic' } });
    fireEvent.change(screen.getByTestId('forecast-remaining-epic'), { target: { value: 'BUG-4' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    expect((await screen.findByTestId('forecast-remaining-problem')).textContent).toBe(
      "BUG-4 is not in this project: enter the key of one of FLOW's epics.",
    );
    expect(calls).toEqual([]);
    fireEvent.change(screen.getByTestId('forecast-remaining-epic'), { target: { value: 'flow-7' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    await waitFor(() =>
      expect(screen.getByTestId('forecast-remaining-outcome').textContent).toBe('Jira counts 1 unfinished item in FLOW-7 for you.'),
    );
    expect(calls).toEqual([{ source: 'epic', epicKey: 'FLOW-7' }]);
    expect(screen.getByTestId<HTMLInputElement>('forecast-items').value).toBe('1');
  });

  it('says when nothing is left to forecast, and leaves the question as it was', async () => {
    await show(() => Promise.resolve({ ok: true, data: { count: 0 } }));
    const items = screen.getByTestId<HTMLInputElement>('forecast-items').value;
    fireEvent.change(screen.getByTestId('forecast-remaining-source'), { target: { value: 'jql' } });
    fireEvent.change(screen.getByTestId('forecast-remaining-jql'), { target: { value: 'issuetype = Epic' } });
    fireEvent.click(screen.getByTestId('forecast-remaining-count'));
    expect((await screen.findByTestId('forecast-remaining-problem')).textContent).toBe(
      'Jira counts no unfinished items matching the query for you: there is nothing to forecast.',
    );
    expect(screen.getByTestId<HTMLInputElement>('forecast-items').value).toBe(items);
  });
});
