import { dayToIsoDate, isoDateToDay } from '../../../../src/domain';
import { dateTicksThatFit } from './date-ticks';

const weeks = (from: string, count: number) => Array.from({ length: count }, (_, k) => isoDateToDay(from)! + 7 * k);

describe('date labels that fit', () => {
  it('labels a small chart of twelve weeks more than once: the year makes only the first label long', () => {
    const axis = dateTicksThatFit(weeks('2026-09-14', 12), 'sunday', 22, true);
    expect(axis.indices.length).toBeGreaterThanOrEqual(3);
  });

  it('gives a wide chart more labels than a narrow one, every step the same', () => {
    const days = weeks('2025-06-09', 79);
    const wide = dateTicksThatFit(days, 'sunday', 12, true);
    const narrow = dateTicksThatFit(days, 'sunday', 4, true);
    expect(wide.indices.length).toBeGreaterThan(narrow.indices.length);
    for (const axis of [wide, narrow]) {
      const steps = new Set(axis.indices.slice(1).map((index, k) => index - axis.indices[k]!));
      expect(steps.size).toBeLessThanOrEqual(1);
    }
  });

  it("puts a run of days' weekly labels on the first day of the project's week, however many fit", () => {
    // Thirty days from Wednesday 4 November 2026, as a narrow and a wide chart draw them.
    const days = Array.from({ length: 30 }, (_, k) => isoDateToDay('2026-11-04')! + k);
    const weekdays = { friday: 6, sunday: 1, wednesday: 4 } as const;
    for (const [weekEndsOn, start] of Object.entries(weekdays) as Array<[keyof typeof weekdays, number]>) {
      for (const pixelsPerPoint of [10, 30]) {
        const axis = dateTicksThatFit(days, weekEndsOn, pixelsPerPoint);
        expect(axis.indices.length).toBeGreaterThan(1);
        for (const index of axis.indices) expect(new Date(`${dayToIsoDate(days[index]!)}T00:00:00Z`).getUTCDay()).toBe(start);
      }
    }
  });
});
