/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { NO_FILTERS, type ReportFilters } from '../../../src/domain';
import { ReportFiltersBar } from './ReportFiltersBar';
import { formatDate } from '../../common/format-date-time';

const TODAY = '2026-03-12';

function renderBar(initial: ReportFilters = NO_FILTERS, facets: Parameters<typeof ReportFiltersBar>[0]['facets'] = null) {
  const applied: ReportFilters[] = [];
  function Bar() {
    const [filters, setFilters] = useState(initial);
    return (
      <ReportFiltersBar
        issueTypes={['Bug', 'Story']}
        facets={facets}
        filters={filters}
        onChange={(next) => {
          applied.push(next);
          setFilters(next);
        }}
        today={TODAY}
        shownWindow={{ from: '2026-02-01', to: TODAY }}
      />
    );
  }
  render(<Bar />);
  return { applied, last: () => applied.at(-1) };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the report filters', () => {
  it('offers custom dates, starting from the period on screen', () => {
    const { last } = renderBar();
    expect(screen.queryByTestId('filter-custom-range')).toBeNull();

    type('filter-range', 'custom');

    expect(screen.getByTestId<HTMLInputElement>('filter-range-from').value).toBe('2026-02-01');
    expect(screen.getByTestId<HTMLInputElement>('filter-range-to').value).toBe(TODAY);
    expect(screen.getByTestId('filter-range-to').getAttribute('max')).toBe(TODAY);
    expect(last()?.customRange).toEqual({ from: '2026-02-01', to: TODAY });
  });

  it('applies a valid range as it is typed', () => {
    const { last } = renderBar();
    type('filter-range', 'custom');
    type('filter-range-from', '2026-02-15');
    type('filter-range-to', '2026-02-28');
    expect(last()).toEqual({ ...NO_FILTERS, customRange: { from: '2026-02-15', to: '2026-02-28' } });
    expect(screen.queryByTestId('filter-range-problem')).toBeNull();
  });

  it('explains an invalid range and keeps the last valid one applied', () => {
    const { applied, last } = renderBar();
    type('filter-range', 'custom');
    type('filter-range-from', '2026-03-05');
    const before = applied.length;

    type('filter-range-to', '2026-03-01');

    expect(screen.getByRole('alert').textContent).toBe(
      `The start date (${formatDate('2026-03-05')}) must be on or before the end date (${formatDate('2026-03-01')}).`,
    );
    expect(screen.getByTestId('filter-range-to').getAttribute('aria-invalid')).toBe('true');
    expect(applied).toHaveLength(before);
    expect(last()?.customRange).toEqual({ from: '2026-03-05', to: TODAY });

    type('filter-range-to', '2026-03-20');
    expect(screen.getByRole('alert').textContent).toBe(`The end date cannot be after today (${formatDate('2026-03-12')}).`);

    type('filter-range-to', '2026-03-10');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(last()?.customRange).toEqual({ from: '2026-03-05', to: '2026-03-10' });
  });

  it('goes back to a preset and forgets the custom range', () => {
    const { last } = renderBar({ ...NO_FILTERS, customRange: { from: '2026-02-15', to: '2026-02-28' } });
    expect(screen.getByTestId<HTMLSelectElement>('filter-range').value).toBe('custom');
    type('filter-range', '90');
    expect(last()).toEqual({ ...NO_FILTERS, rangeDays: 90, customRange: null });
    expect(screen.queryByTestId('filter-custom-range')).toBeNull();
  });

  it('keeps the issue types when the period changes', () => {
    const { last } = renderBar();
    fireEvent.click(screen.getByLabelText('Bug'));
    type('filter-range', '30');
    expect(last()).toEqual({ issueTypes: ['Bug'], rangeDays: 30, customRange: null });
  });

  it('offers each facet that has values, "none" in its own words, and applies the values ticked', () => {
    const { last } = renderBar(NO_FILTERS, {
      resolutions: [
        { value: 'Done', issues: 40 },
        { value: '', issues: 7 },
      ],
      labels: [{ value: 'mobile', issues: 3 }],
      components: [],
      parents: [{ value: 'FLOW-100', issues: 12 }],
    });
    expect(screen.queryByTestId('filter-components')).toBeNull();
    const resolutions = screen.getByTestId('filter-resolutions');
    expect(resolutions.textContent).toContain('Resolution: all');
    fireEvent.click(screen.getByLabelText('Unresolved (7)'));
    expect(last()).toEqual({ ...NO_FILTERS, resolutions: [''] });
    expect(resolutions.textContent).toContain('Resolution: Unresolved');
    fireEvent.click(screen.getByLabelText('Done (40)'));
    expect(last()).toEqual({ ...NO_FILTERS, resolutions: ['Done', ''] });
    expect(resolutions.textContent).toContain('Resolution: 2 chosen');
    fireEvent.click(screen.getByLabelText('FLOW-100 (12)'));
    expect(last()).toEqual({ ...NO_FILTERS, resolutions: ['Done', ''], parents: ['FLOW-100'] });
  });

  it('applies a tick on a facet to the latest filters, whichever changed since the facet was last drawn', () => {
    const FACETS = {
      resolutions: [{ value: 'Done', issues: 40 }],
      labels: [{ value: 'mobile', issues: 3 }],
      components: [],
      parents: Array.from({ length: 50 }, (_, k) => ({ value: `FLOW-${k}`, issues: 1 })),
    };
    const { last } = renderBar(NO_FILTERS, FACETS);
    const parentBox = () => screen.getByLabelText<HTMLInputElement>('FLOW-7 (1)');
    // Other filters change, which the parents' filter is not drawn again for (its own props are the same).
    type('filter-range', '30');
    fireEvent.click(screen.getByLabelText('Bug'));
    fireEvent.click(screen.getByLabelText('mobile (3)'));
    fireEvent.click(parentBox());
    expect(last()).toEqual({ issueTypes: ['Bug'], rangeDays: 30, customRange: null, labels: ['mobile'], parents: ['FLOW-7'] });
    expect(parentBox().checked).toBe(true);
    fireEvent.click(screen.getByLabelText('mobile (3)'));
    expect(last()).toEqual({ issueTypes: ['Bug'], rangeDays: 30, customRange: null, labels: [], parents: ['FLOW-7'] });
  });
});
