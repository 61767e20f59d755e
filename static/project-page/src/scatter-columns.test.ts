import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { NO_FILTERS, reportModel } from '../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { scatterColumns, scatterPoints } from './scatter-columns';

const result = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW).windowMeasuresFor(NO_FILTERS);
if (!result.ok) throw new Error(result.message);
const { measures, facts } = result;
const keys = facts.table().key;
const rowOfKey = new Map(keys.map((key, row) => [key, row]));

describe("the scatterplot's points as columns", () => {
  it('give back the same points, in the same order, named by the rows of the items', () => {
    expect(measures.scatter.length).toBeGreaterThan(10);
    const columns = scatterColumns(measures.scatter, rowOfKey);
    expect(columns.row).toBeInstanceOf(Int32Array);
    expect(Array.from(columns.row, (row) => keys[row])).toEqual(measures.scatter.map((point) => point.key));
    expect(scatterPoints(structuredClone(columns), keys)).toEqual(measures.scatter);
  });

  it('keep fractional cycle times and an empty scatterplot as they are', () => {
    const points = [{ key: keys[3]!, date: '2026-02-28', cycleTime: 1.25 }];
    expect(scatterPoints(scatterColumns(points, rowOfKey), keys)).toEqual(points);
    expect(scatterPoints(scatterColumns([], rowOfKey), keys)).toEqual([]);
  });
});
