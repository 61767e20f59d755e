import { isoDateToDay } from '../../../../src/domain';
import { dateTicksThatFit } from './date-ticks';

const weeks = (from: string, count: number) => Array.from({ length: count }, (_, k) => isoDateToDay(from)! + 7 * k);

describe('date labels that fit', () => {
  it('labels a small chart of twelve weeks more than once: the year makes only the first label long', () => {
    const axis = dateTicksThatFit(weeks('2026-09-14', 12), 22, true);
    expect(axis.indices.length).toBeGreaterThanOrEqual(3);
  });

  it('gives a wide chart more labels than a narrow one, every step the same', () => {
    const days = weeks('2025-06-09', 79);
    const wide = dateTicksThatFit(days, 12, true);
    const narrow = dateTicksThatFit(days, 4, true);
    expect(wide.indices.length).toBeGreaterThan(narrow.indices.length);
    for (const axis of [wide, narrow]) {
      const steps = new Set(axis.indices.slice(1).map((index, k) => index - axis.indices[k]!));
      expect(steps.size).toBeLessThanOrEqual(1);
    }
  });
});
