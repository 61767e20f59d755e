/** @jest-environment jsdom */
import '../../../testing/atlaskit-test-env';
import { render, screen, within } from '@testing-library/react';
import { computeReport, type ItemTimeSplit, NO_FILTERS } from '../../../../src/domain';
import { BOARD_WORKFLOW } from '../../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../../testing/flow-fixtures';
import { issuesCsv } from './issues-csv';
import { IssuesView } from './IssuesView';

jest.mock('@forge/bridge', () => ({ router: { open: jest.fn() } }));

const HOUR = 3_600_000;
const result = computeReport(flowHistory(), BOARD_WORKFLOW, null, NO_FILTERS, FIXTURE_NOW);
if (!result.ok) throw new Error(result.message);
const report = result.report;
const finished = report.items.find((item) => item.done !== null)!;
// 3 + 5 + 10 + 4 + 1.5 + 0 + 24.25 hours.
const split: ItemTimeSplit = {
  before: 3 * HOUR,
  coding: 5 * HOUR,
  pickup: 10 * HOUR,
  review: 4 * HOUR,
  merge: 1.5 * HOUR,
  between: 0,
  after: 24.25 * HOUR,
};
const splits = new Map([[finished.key, split]]);
const COLUMNS = [
  'Before first pull request',
  'Coding',
  'Waiting for review',
  'In review',
  'Approved until merged',
  'Between pull requests',
  'After last merge',
];

describe("where the items' time went, in the Issues tab", () => {
  it('adds a column per part, in hours, for the items with a pull request', () => {
    render(<IssuesView report={report} projectKey="FLOW" timeSplits={splits} />);
    const table = screen.getByTestId('issues-table--table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.slice(-7)).toEqual(COLUMNS.map((name) => `${name} (hours)`));
    const row = within(table).getByRole('link', { name: finished.key }).closest('tr')!;
    const cells = Array.from(row.querySelectorAll('td'), (cell) => cell.textContent);
    expect(cells.slice(-7)).toEqual(['3.0', '5.0', '10.0', '4.0', '1.5', '0.0', '24.3']);
    const other = within(table)
      .getAllByRole('row')
      .find((tr) => tr !== row && tr.querySelector('td'))!;
    expect(Array.from(other.querySelectorAll('td'), (cell) => cell.textContent).slice(-7)).toEqual(Array(7).fill('–'));
  });

  it('adds nothing without pull requests', () => {
    render(<IssuesView report={report} projectKey="FLOW" />);
    const headers = within(screen.getByTestId('issues-table--table'))
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.some((header) => header?.startsWith('Coding'))).toBe(false);
    expect(issuesCsv(report)).toBe(issuesCsv(report, new Map()));
  });

  it('puts the same columns in the CSV, in hours with two decimals, empty where there is no pull request', () => {
    const lines = issuesCsv(report, splits).trim().split(/\r?\n/);
    expect(lines[0]!.split(',').slice(-7)).toEqual(COLUMNS.map((name) => `${name} (hours)`));
    const row = lines.find((line) => line.startsWith(`${finished.key},`))!;
    expect(row.split(',').slice(-7)).toEqual(['3', '5', '10', '4', '1.5', '0', '24.25']);
    const other = lines.find((line, k) => k > 0 && !line.startsWith(`${finished.key},`))!;
    expect(other.split(',').slice(-7)).toEqual(Array(7).fill(''));
  });
});
