/**
 * An export read in two parts: the second part read by `readListPart` (as its own thread does), its batches
 * posted as a thread posts them (a structured clone), and taken by `readIssues`. Whatever the cut, right or
 * wrong, and whatever the part holds, the result must be the reading in one thread's: the same history, warnings,
 * places of statuses, and the same message for the same problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from '../domain';
import { IssueBatchReader } from './issue-batch';
import { readListPart } from './list-part';
import { guessIssueStart } from './list-split';
import { readIssues, type ExportReadInTwo } from './report-input';

const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'issues.json'), 'utf8');
const issues = () => JSON.parse(FIXTURE) as Record<string, unknown>[];

function* pieces(bytes: Buffer, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** How the second part went: how many batches the command's thread took, whether its reader ran to the list's end. */
interface SecondPart {
  batches: number;
  readToEnd: boolean;
  /** Whether the command's thread stopped the reader before its part was taken (a wrong cut). */
  stoppedFirst: boolean;
  stopped: boolean;
  closed: boolean;
}

/** The export cut at `split`, its second part read by `readListPart` in pieces of `size` bytes. */
function inTwo(bytes: Buffer, split: number, config: FlowConfig, size: number, seen: SecondPart): ExportReadInTwo {
  return {
    split,
    firstPart: () => pieces(bytes.subarray(0, split), size),
    secondPart(onIssue) {
      seen.stoppedFirst = false;
      const reader = new IssueBatchReader();
      try {
        const closedAt = readListPart(pieces(bytes.subarray(split), size), split, config.flaggedFieldIds, (batch) => {
          seen.batches++;
          reader.read(structuredClone(batch), onIssue);
        });
        seen.readToEnd = true;
        return closedAt;
      } catch {
        return null;
      }
    },
    stop: () => void (seen.stopped = true),
    rest: (offset) => pieces(bytes.subarray(offset), size),
    close: () => void (seen.closed = true),
  };
}

/** What a reading gives, every status's place included; or the message of its error. */
function outcome(read: () => ReturnType<typeof readIssues>) {
  try {
    const input = read();
    const places = input.history.statuses.map((_, index) => input.locateStatus(index));
    return { history: input.history, warnings: input.warnings, places };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function readInOne(text: string, config = DEFAULT_FLOW_CONFIG) {
  return outcome(() => readIssues(pieces(Buffer.from(text), 97), 'issues.json', config, (error) => error as Error));
}

function readAtSplit(text: string, split: number, size = 97, config = DEFAULT_FLOW_CONFIG) {
  const seen: SecondPart = { batches: 0, readToEnd: false, stoppedFirst: true, stopped: false, closed: false };
  const result = outcome(() =>
    readIssues(inTwo(Buffer.from(text), split, config, size, seen), 'issues.json', config, (error) => error as Error),
  );
  return { result, seen };
}

/** The byte offset of each issue's opening brace after the first (the fixture's issues open with "expand"). */
function issueStarts(text: string): number[] {
  const bytes = Buffer.from(text).toString('latin1');
  return [...bytes.matchAll(/\{\s*"expand"/g)].map((found) => found.index).slice(1);
}

describe('an export read in two parts', () => {
  const compact = JSON.stringify(issues());
  const inObject = `\u{feff}{"startAt":0,"issues":${JSON.stringify(issues(), null, 2)},"isLast":true,"names":{"a":"b"}}`;

  it('gives what one reading gives at every issue start, the second part taken from the other reader', () => {
    for (const text of [compact, inObject]) {
      const expected = readInOne(text);
      expect(expected).toHaveProperty('history');
      const starts = issueStarts(text);
      expect(starts.length).toBe(8);
      for (const split of starts) {
        for (const size of [13, 97, 1 << 16]) {
          const { result, seen } = readAtSplit(text, split, size);
          expect(result).toEqual(expected);
          const { batches, ...how } = seen;
          expect(how).toEqual({ readToEnd: true, stoppedFirst: false, stopped: true, closed: true });
          expect(batches).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives what one reading gives at any other cut, reading on alone', () => {
    const expected = readInOne(compact);
    const starts = new Set(issueStarts(compact));
    let wrong = 0;
    let cuts = 0;
    for (let split = 1; split < Buffer.byteLength(compact); split += 11, cuts++) {
      const { result, seen } = readAtSplit(compact, split);
      expect(result).toEqual(expected);
      if (!starts.has(split)) expect(seen.batches === 0 || seen.stoppedFirst || !seen.readToEnd).toBe(true);
      if (seen.stoppedFirst) wrong++;
      expect(seen.closed).toBe(true);
    }
    expect(wrong).toBeGreaterThan(cuts / 2);
  });

  it('words a problem in the second part as one reading does, taking the issues read before it', () => {
    const broken = (change: (all: Record<string, unknown>[]) => void) => {
      const all = issues();
      change(all);
      return JSON.stringify(all);
    };
    const fields = (issue: Record<string, unknown>) => issue['fields'] as Record<string, unknown>;
    const cases = [
      broken((all) => void (fields(all[7]!)['created'] = '2026-02-30T10:00:00.000+0000')),
      broken((all) => void (fields(all[6]!)['resolutiondate'] = '1999-01-01T00:00:00.000+0000')),
      broken((all) => void (all[8]!['key'] = all[1]!['key'])),
      broken((all) => {
        const item = { field: 'status', fieldId: 'status', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' };
        all[7]!['changelog'] = { histories: [{ id: '1', created: 'yesterday', items: [item] }] };
      }),
      broken((all) => void delete fields(all[7]!)['status']),
      compact.replace(/"WEB-7"/, '"WEB-7" "'),
      compact.slice(0, -1),
      // Nested deeper than any export, past where reading one level per call would exhaust a thread's stack.
      compact.replace('"WEB-9","fields":{', `"WEB-9","fields":{"x":${'['.repeat(20_000)}${']'.repeat(20_000)},`),
    ];
    for (const [index, text] of cases.entries()) {
      const expected = readInOne(text);
      expect({ index, ...expected }).toHaveProperty('error');
      expect((expected as { error: string }).error).toMatch(/^issues\.json/);
      const { result, seen } = readAtSplit(text, issueStarts(text)[3]!, 13);
      expect(result).toEqual(expected);
      expect(seen.batches).toBeGreaterThan(0);
    }
  });

  it('refuses values nested more than a thousand levels deep, wherever they are, with the byte they reach it at', () => {
    const deep = (levels: number) =>
      compact.replace('"WEB-2","fields":{', `"WEB-2","fields":{"x":${'['.repeat(levels)}${']'.repeat(levels)},`);
    // The issue and its fields are two of the levels.
    expect(readInOne(deep(998))).toHaveProperty('history');
    const at = Buffer.from(deep(999)).indexOf('['.repeat(999)) + 998;
    expect(readInOne(deep(999))).toEqual({
      error: `issues.json: values nested more than 1000 levels deep at byte ${at}, more than an export of issues holds`,
    });
    expect(readAtSplit(deep(999), issueStarts(deep(999))[0]!).result).toEqual(readInOne(deep(999)));
  });

  it("keeps warnings in the list's order and counts the Flagged field's changes the same way", () => {
    const all = issues();
    const flagged = { field: 'Flagged', fieldId: 'customfield_10021', from: null, fromString: null, to: '[10019]', toString: 'Impediment' };
    (all[2]!['changelog'] as { total: number }).total = 40;
    (all[6]!['changelog'] as { histories: { items: unknown[] }[] }).histories[0]!.items.push(flagged);
    (all[7]!['changelog'] as { total: number }).total = 40;
    const text = JSON.stringify(all);
    const expected = readInOne(text);
    expect((expected as { warnings: string[] }).warnings.length).toBeGreaterThanOrEqual(2);
    for (const split of issueStarts(text)) expect(readAtSplit(text, split).result).toEqual(expected);
  });
});

describe('guessing where an issue starts', () => {
  const compact = Buffer.from(JSON.stringify(issues()));
  const pretty = Buffer.from(JSON.stringify({ issues: issues() }, null, 2));

  it("finds the first issue after an offset that opens as the list's first does, after a comma", () => {
    for (const bytes of [compact, pretty]) {
      const starts = issueStarts(bytes.toString());
      const from = Math.floor(bytes.length / 2);
      const guess = guessIssueStart(bytes.subarray(0, 1 << 16), bytes.subarray(from), from);
      expect(guess).toBe(starts.find((start) => start >= from));
    }
  });

  it('passes over objects that open otherwise (a history opens with its id, then its date), and answers -1 when none is seen', () => {
    const withIdFirst = Buffer.from(JSON.stringify(issues().map(({ expand: _expand, ...rest }) => rest)));
    const from = withIdFirst.indexOf('"histories"', withIdFirst.length / 2);
    const guess = guessIssueStart(withIdFirst.subarray(0, 1 << 16), withIdFirst.subarray(from), from);
    expect(withIdFirst.subarray(guess, guess + 30).toString()).toMatch(/^\{"id":"\d+","key":"/);
    expect(guessIssueStart(compact, compact.subarray(compact.length - 30), compact.length - 30)).toBe(-1);
    // Sub-tasks open with an id and a key too, then their own link: not where an issue starts.
    const withSubtasks = Buffer.from(
      JSON.stringify(
        issues().map(({ expand: _expand, id, key, ...rest }) => ({
          id,
          key,
          fields: { subtasks: [{ id: '1', key: 'WEB-100', self: 'https://x', fields: {} }], ...(rest['fields'] as object) },
        })),
      ),
    );
    const cut = withSubtasks.indexOf('"subtasks"', withSubtasks.length / 2);
    const start = guessIssueStart(withSubtasks.subarray(0, 1 << 16), withSubtasks.subarray(cut), cut);
    expect(withSubtasks.subarray(start, start + 50).toString()).toMatch(/^\{"id":"\d+","key":"WEB-\d","fields":\{"subtasks"/);
    expect(guessIssueStart(Buffer.from('{"values":[{"id":1,"key":2},{"id":3,"key":4}]}'), Buffer.from(',{"id":3,"key":4}'), 0)).toBe(-1);
  });
});
