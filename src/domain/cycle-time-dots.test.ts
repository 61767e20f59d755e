import { packCycleTimeDots, PackedDotsError, unpackCycleTimeDots } from './cycle-time-dots';

const dots = [
  { date: '2026-01-05', cycleTime: 3 },
  { date: '2026-01-05', cycleTime: 0 },
  { date: '2026-01-05', cycleTime: 41 },
  { date: '2026-01-09', cycleTime: 1200 },
  { date: '2026-03-01', cycleTime: 7 },
];

describe('the scatterplot’s dots packed', () => {
  it('reads back every dot in its order, day by day', () => {
    const packed = packCycleTimeDots(dots, '2026-01-01')!;
    expect(unpackCycleTimeDots(packed, '2026-01-01')).toEqual(dots);
    // The scale, then each day: its gap, its count and its cycle times; a small number is one character.
    expect(packed.length).toBeLessThan(20);
  });

  it('keeps cycle times in hours to the hundredth, as the report rounds them', () => {
    const hours = [
      { date: '2026-01-01', cycleTime: 0.25 },
      { date: '2026-01-02', cycleTime: 17.1 },
      { date: '2026-01-02', cycleTime: 123.45 },
    ];
    expect(unpackCycleTimeDots(packCycleTimeDots(hours, '2026-01-01')!, '2026-01-01')).toEqual(hours);
  });

  it('packs no dots as a text that reads back as none', () => {
    expect(unpackCycleTimeDots(packCycleTimeDots([], '2026-01-01')!, '2026-01-01')).toEqual([]);
  });

  it('packs nothing it could not read back exactly', () => {
    expect(packCycleTimeDots([{ date: '2025-12-31', cycleTime: 1 }], '2026-01-01')).toBeNull();
    expect(packCycleTimeDots([dots[3]!, dots[0]!], '2026-01-01')).toBeNull();
    expect(packCycleTimeDots([{ date: '2026-01-01', cycleTime: -1 }], '2026-01-01')).toBeNull();
    expect(packCycleTimeDots([{ date: '2026-01-01', cycleTime: 0.125 }], '2026-01-01')).toBeNull();
    expect(packCycleTimeDots(dots, 'not a day')).toBeNull();
  });

  it('says a text it did not write cannot be read', () => {
    expect(() => unpackCycleTimeDots('C', '2026-01-01')).toThrow(PackedDotsError);
    expect(() => unpackCycleTimeDots('BAC', '2026-01-01')).toThrow(/ends inside a number|could not be read/);
    expect(() => unpackCycleTimeDots('B!', '2026-01-01')).toThrow(PackedDotsError);
  });
});
