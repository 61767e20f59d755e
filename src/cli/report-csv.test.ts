import { buildFlowReport, parseFlowConfig } from '../domain';
import { boardHistory, BOARD_WORKFLOW, at } from '../domain/testing/history-fixture';
import { reportTables } from './report-csv';

describe('CSV tables', () => {
  const history = boardHistory([
    {
      key: '=HYPERLINK("x")',
      created: '2025-03-03T09:00Z',
      moves: [
        ['2025-03-04T09:00Z', 'In Progress'],
        ['2025-03-06T09:00Z', 'Done'],
      ],
    },
    { key: 'C-2', created: '2025-03-03T09:00Z', type: 'Bug, urgent', moves: [['2025-03-05T09:00Z', 'In Progress']] },
  ]);
  const report = buildFlowReport(history, parseFlowConfig(BOARD_WORKFLOW), { now: at('2025-03-10T00:00:00Z'), seed: 1 });
  const tables = Object.fromEntries(reportTables(report).map((table) => [table.name, table.csv]));

  it('has one table per metric', () => {
    expect(Object.keys(tables)).toEqual([
      'summary',
      'items',
      'percentiles',
      'histogram',
      'scatter',
      'throughput',
      'net-flow',
      'wip',
      'cfd',
      'aging',
      'time-in-status',
      'forecast-how-many',
      'forecast-when',
      'forecast-backtest',
    ]);
  });

  it('writes items with one date column per stage, quoting and defusing text', () => {
    expect(tables['items']!.split('\n').slice(0, 3)).toEqual([
      'key,type,status,start,done,cycleTime,leadTime,age,blockedTime,flowEfficiency,Backlog date,In Progress date,Review date,Done date,Released date',
      `"'=HYPERLINK(""x"")",Story,Done,2025-03-04,2025-03-06,3,4,,0,1,2025-03-03,2025-03-04,,2025-03-06,`,
      'C-2,"Bug, urgent",In Progress,2025-03-05,,,,6,0,,2025-03-03,2025-03-05,,,',
    ]);
  });

  it('writes series as plain columns', () => {
    expect(tables['wip']!.split('\n').slice(0, 3)).toEqual(['date,count', '2025-03-03,0', '2025-03-04,1']);
    expect(tables['cfd']!.split('\n')[0]).toBe('date,Backlog,In Progress,Review,Done,Released');
    expect(tables['percentiles']!.split('\n')).toContain('serviceLevelExpectation,85,3');
    expect(tables['aging']).toBe('key,stage,status,age,percentileBand\nC-2,In Progress,In Progress,6,95\n');
  });
});
