import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { NO_FILTERS, reportModel } from '../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { itemColumns, itemsOfColumns } from './report-item-columns';

describe("a report's items as columns", () => {
  const result = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW).reportFor(NO_FILTERS);
  if (!result.ok) throw new Error(result.message);
  const { items, generated } = result.report;

  it('gives back the same items, nulls, days and times in each stage included', () => {
    expect(items.some((item) => item.done === null && item.age !== null)).toBe(true);
    expect(itemsOfColumns(itemColumns(items, generated.workflow.stages))).toEqual(items);
  });

  it('holds numbers in typed arrays and each type and status name once, so it crosses threads cheaply', () => {
    const columns = itemColumns(items, generated.workflow.stages);
    expect(columns.stageDates).toBeInstanceOf(Float64Array);
    expect(columns.stageDates).toHaveLength(items.length * generated.workflow.stages.length);
    expect([...columns.types].sort()).toEqual([...new Set(items.map((item) => item.type))].sort());
    expect(itemsOfColumns(structuredClone(columns))).toEqual(items);
  });
});
