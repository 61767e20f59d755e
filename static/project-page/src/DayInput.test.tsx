/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { DayInput } from './DayInput';

describe('a day input', () => {
  it('gives back the ISO day the reader picks, within its bounds', () => {
    const onChange = jest.fn();
    render(<DayInput testId="as-of" value="2026-03-01" min="2026-01-01" max="2026-06-30" onChange={onChange} />);
    const input = screen.getByTestId<HTMLInputElement>('as-of');
    expect([input.type, input.min, input.max, input.value]).toEqual(['date', '2026-01-01', '2026-06-30', '2026-03-01']);
    fireEvent.change(input, { target: { value: '2026-04-15' } });
    expect(onChange).toHaveBeenCalledWith('2026-04-15');
  });

  it('is marked invalid and described by the problem, only when there is one', () => {
    const { rerender } = render(<DayInput testId="until" value="" required onChange={jest.fn()} />);
    const input = screen.getByTestId<HTMLInputElement>('until');
    expect([input.required, input.getAttribute('aria-invalid'), input.hasAttribute('aria-describedby')]).toEqual([true, 'false', false]);
    rerender(<DayInput testId="until" value="" required problemId="until-problem" onChange={jest.fn()} />);
    expect([input.getAttribute('aria-invalid'), input.getAttribute('aria-describedby')]).toEqual(['true', 'until-problem']);
  });
});
