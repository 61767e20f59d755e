import { VlqError, VlqReader, writeVlq } from './base64-vlq';

describe('base64 VLQ', () => {
  it('writes a number under 32 in one character, under 1,024 in two, and reads back any whole number', () => {
    const numbers = [0, 1, 31, 32, 1023, 1024, 86_400_000, Number.MAX_SAFE_INTEGER];
    const out: string[] = [];
    for (const value of numbers) writeVlq(out, value);
    expect(out.slice(0, 3)).toEqual(['A', 'B', 'f']);
    expect(out.join('')).toMatch(/^[A-Za-z0-9+/]+$/);
    const reader = new VlqReader(out.join(''));
    expect(numbers.map(() => reader.next())).toEqual(numbers);
    expect(reader.done).toBe(true);
    const sized = (value: number) => {
      const one: string[] = [];
      writeVlq(one, value);
      return one.length;
    };
    expect([31, 32, 1023, 1024].map(sized)).toEqual([1, 2, 2, 3]);
  });

  it('refuses what is not a whole number of 0 or more', () => {
    for (const value of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => writeVlq([], value)).toThrow(RangeError);
  });

  it('says why a text cannot be read: it ends inside a number, or holds a character that is no digit', () => {
    expect(() => new VlqReader('g').next()).toThrow(new VlqError('the text ends inside a number'));
    expect(() => new VlqReader('A,').next()).not.toThrow();
    const reader = new VlqReader('A,');
    reader.next();
    expect(() => reader.next()).toThrow(new VlqError('"," is not a base64 digit'));
  });
});
