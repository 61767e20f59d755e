/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { NO_FILTERS, reportModel } from '../../../src/domain';
import { StageRangeFilter } from './StageRangeFilter';

describe('the stage range filter', () => {
  it("offers the workflow's stages, its own start and done chosen", () => {
    render(<StageRangeFilter workflow={BOARD_WORKFLOW} range={null} onChange={jest.fn()} />);
    expect(screen.getByTestId<HTMLSelectElement>('filter-stage-from').value).toBe('In Progress');
    expect(screen.getByTestId<HTMLSelectElement>('filter-stage-to').value).toBe('Done');
    expect(screen.getByTestId('filter-stage-range-note').textContent).toBe("The workflow's own start and done stages.");
  });

  it('applies a range, and none when the range is the workflow’s own', () => {
    const onChange = jest.fn();
    render(<StageRangeFilter workflow={BOARD_WORKFLOW} range={null} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('filter-stage-from'), { target: { value: 'Review' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: 'Review', to: 'Done' });
    fireEvent.change(screen.getByTestId('filter-stage-from'), { target: { value: 'In Progress' } });
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('explains a range that ends before it starts, and does not apply it', () => {
    const onChange = jest.fn();
    render(<StageRangeFilter workflow={BOARD_WORKFLOW} range={null} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('filter-stage-to'), { target: { value: 'Review' } });
    onChange.mockClear();
    fireEvent.change(screen.getByTestId('filter-stage-from'), { target: { value: 'Done' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByTestId('filter-stage-range-note').textContent).toBe('Choose an end stage after Done.');
    expect(screen.getByTestId('filter-stage-from').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('every chart under a stage range', () => {
  // The fixture's finished items went from In Progress straight to Done: from Review (which they reached when
  // they reached Done) to Done each took one day; the four in progress have not reached Review.
  const model = reportModel(flowHistory(), BOARD_WORKFLOW, null, FIXTURE_NOW);
  const ranged = { ...NO_FILTERS, stageRange: { from: 'Review', to: 'Done' } };

  it('measures cycle time, throughput and work in progress between the two stages', () => {
    const result = model.reportFor(ranged);
    if (!result.ok) throw new Error(result.message);
    expect(result.report.percentiles['95']).toBe(1);
    expect(result.report.scatter).toHaveLength(20);
    expect(result.report.aging).toEqual([]);
    expect(result.report.generated.workflow).toMatchObject({ startStage: 'Review', doneStage: 'Done' });
  });

  it('ages only the items inside the range', () => {
    const aging = model.stageAgingFor(ranged, null);
    expect(aging.ok && aging.aging.columns.map((column) => [column.stage, column.items.length])).toEqual([['Review', 0]]);
  });
});
