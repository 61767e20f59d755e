import { expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileChunks } from './file-chunks';

describe('reading a file in chunks', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'flow-metrics-chunks-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives every byte once, in order, in pieces no larger than asked, reusing one buffer', () => {
    const path = join(work, 'text.json');
    const text = '["Ä-1 ✓ 😀", {"key": "WEB-2"}]';
    writeFileSync(path, text);
    const pieces: Buffer[] = [];
    for (const chunk of readFileChunks(path, 4)) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      pieces.push(Buffer.from(chunk)); // copied: the next read overwrites the chunk
    }
    expect(Buffer.concat(pieces).toString('utf8')).toBe(text);
  });

  it('gives the bytes of a range only, from its start up to its end or the end of the file', () => {
    const path = join(work, 'range.json');
    writeFileSync(path, '0123456789');
    const read = (range: { start?: number; end?: number }) => {
      const pieces: Buffer[] = [];
      for (const chunk of readFileChunks(path, 3, range)) pieces.push(Buffer.from(chunk));
      return Buffer.concat(pieces).toString('utf8');
    };
    expect(read({ start: 2, end: 7 })).toBe('23456');
    expect(read({ start: 4 })).toBe('456789');
    expect(read({ end: 5 })).toBe('01234');
    expect(read({ start: 8, end: 20 })).toBe('89');
  });

  it('reports a missing file and a directory as the file system does', () => {
    expect(() => [...readFileChunks(join(work, 'missing.json'))]).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => [...readFileChunks(work)]).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
