import { formatDuration } from './format';

const days = { generated: { unit: 'days-inclusive' } } as const;
const hours = { generated: { unit: 'hours' } } as const;

describe('a duration as the page writes it', () => {
  it('counts as the rest of the page counts: thousands grouped, decimals as the locale writes them', () => {
    const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    expect(formatDuration(1200, days)).toBe(`${number.format(1200)} days`);
    expect(formatDuration(5.75, hours)).toBe(`${number.format(5.75)} hours`);
  });

  it('says one day or hour in the singular, and a dash for no value', () => {
    expect(formatDuration(1, days)).toBe('1 day');
    expect(formatDuration(1, hours)).toBe('1 hour');
    expect(formatDuration(null, days)).toBe('–');
  });
});
