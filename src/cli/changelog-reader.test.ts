/**
 * The changelog read straight from the file's bytes must give what the builder makes of the changelog parsed
 * whole: the same history, the same warnings, or the same error, for any export and any piece size. The
 * exports here are random, including what the reader hands back to the plain way (changelogs without
 * histories, histories that are not objects, a member given twice, escaped member names, text that is not
 * JSON); report-input.test.ts holds it to the local Jira site's exports.
 */
import fc from 'fast-check';
import { DEFAULT_FLOW_CONFIG, facetsOfJiraIssue, IssueFacetsBuilder, JiraHistoryBuilder } from '../domain';
import { readIssues } from './report-input';

type Outcome = { history: unknown; warnings: string[] } | { error: string };

/** The export read the plain way: parsed whole, each issue given whole to the builders. */
function readWhole(text: string): Outcome {
  try {
    const builder = new JiraHistoryBuilder({ flaggedFieldIds: DEFAULT_FLOW_CONFIG.flaggedFieldIds });
    const facets = new IssueFacetsBuilder();
    (JSON.parse(text) as unknown[]).forEach((issue, position) => {
      builder.addSearchIssue(issue, position);
      facets.add(facetsOfJiraIssue((issue as { fields?: Record<string, unknown> }).fields));
    });
    return { history: { ...builder.build(), facets: facets.build() }, warnings: builder.warnings };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The export as the command reads it, in pieces of `size` bytes; an error's message without the file's name. */
function readStreamed(text: string, size: number): Outcome {
  const bytes = Buffer.from(text);
  const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));
  try {
    const { history, warnings } = readIssues(pieces, 'issues.json', DEFAULT_FLOW_CONFIG, (error) => error as Error);
    return { history, warnings };
  } catch (error) {
    return { error: (error as Error).message.replace(/^issues\.json: /, '') };
  }
}

const statusId = fc.constantFrom('1', '2', '3', '', null, undefined, 7);
// A "}" in a name ends the item early for a reader looking for its end (change-item-memo.ts).
const statusName = fc.constantFrom('To Do', 'In Progress', 'Done', 'in progress', 'Done}', '{Review}', '', null, undefined);
/** Instants around the issue's creation (2025-01-02), some equal, some before it, some not dates at all. */
const created = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2, max: 6 }).map((day) => `2025-01-0${day}T10:00:00.000+0000`) },
  { weight: 1, arbitrary: fc.constantFrom('2025-01-01T00:00:00.000+0000', 'yesterday', null, 20250103, undefined) },
  // Other forms than Jira's 28 characters. A 20-character one is followed, 29 bytes after its opening quote, by
  // the quote that closes the next member's name ("items"), where a Jira date-time's closing quote would be.
  {
    weight: 2,
    arbitrary: fc.constantFrom('2025-01-03T10:00:00Z', '2025-01-03T10:00Z', '2025-01-03T10:00:00.5+01:00', '2025-01-03T10:00:00.000+0000x'),
  },
);

const changeItem = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        field: fc.constantFrom('status', 'Flagged', 'flagged', 'assignee', 'resolution'),
        fieldtype: fc.constant('jira'),
        fieldId: fc.constantFrom('status', 'customfield_10021', 'assignee', null),
        from: statusId,
        fromString: statusName,
        to: statusId,
        toString: statusName,
      },
      { requiredKeys: ['field'] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 'text', 3, [] as unknown[]) },
);

const history = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        id: fc.oneof(
          fc.integer({ min: 1, max: 50 }).map(String),
          fc.integer({ min: 1, max: 50 }),
          fc.constantFrom(null, '', '12a', '-3', '1.5'),
        ),
        author: fc.constant({ displayName: 'someone "quoted"' }),
        created,
        items: fc.array(changeItem, { maxLength: 3 }),
      },
      { requiredKeys: ['created', 'items'] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 'history', { created: '2025-01-03T10:00:00.000+0000' }, { items: 'none' }) },
);

const changelog = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      { startAt: fc.constant(0), total: fc.oneof(fc.nat(8), fc.constant('many')), histories: fc.array(history, { maxLength: 6 }) },
      { requiredKeys: ['histories'] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, [] as unknown[], { histories: 'none' }, { total: 2 }) },
);

// Keys differ: the command refuses an issue given twice, which has nothing to do with its changelog.
const issues = fc.uniqueArray(
  fc.record({
    id: fc.nat(100).map(String),
    key: fc.nat(100).map((n) => `A-${n}`),
    fields: fc.record({
      issuetype: fc.constant({ name: 'Story' }),
      status: fc.record({ id: fc.constantFrom('1', '2', '3'), name: fc.constantFrom('To Do', 'In Progress', 'Done') }),
      created: fc.constant('2025-01-02T00:00:00.000+0000'),
      customfield_10021: fc.constantFrom(null, [{ value: 'Impediment' }]),
    }),
    changelog,
  }),
  { maxLength: 4, selector: (issue) => issue.key },
);

/** Rewrites of the JSON text that JSON.stringify never writes but a file may hold. */
const rewrite = fc.constantFrom<Array<(text: string) => string>>(
  (text) => text,
  // An escaped member name, which must be read as the name it spells.
  (text) => text.replaceAll('"toString":', '"to\\u0053tring":').replaceAll('"items":', '"it\\u0065ms":'),
  // Dates and history ids the reader cannot take from their bytes (an escape, more digits than it reads): read as text.
  (text) => text.replaceAll('"created":"2025-01-0', '"created":"\\u0032025-01-0'),
  (text) => text.replaceAll('"id":"', '"id":"0000000000000000'),
  (text) => text.replaceAll('"created":"2025-01-03T10:00:00.000+0000"', '"created":"2025-01-03T10:00:00.000+0000","created":7'),
  // A member given twice: the last one counts, as in JSON.parse.
  (text) => text.replaceAll('"items":', '"items":[{"field":"status","to":"9"}],"items":'),
  (text) => text.replaceAll('"histories":', '"histories":[],"histories":'),
  (text) => text.replaceAll('"to":', '"to":"1","to":'),
  // Whitespace inside items, and an item followed by one that repeats its bytes but goes on past them.
  (text) => text.replaceAll('","', '", "').replaceAll('{"field"', '{ "field"'),
  (text) => text.replaceAll('"field":"status"', '"field":"status","x":{}'),
  // Not JSON: a comma too many, a bare word.
  (text) => text.replace('"items":[', '"items":[,'),
  (text) => text.replace('"created":', '"created":nope,"x":'),
);

describe('the changelog read from bytes', () => {
  it('gives the history, warnings or error of the changelog parsed whole, for any export and piece size', () => {
    fc.assert(
      fc.property(issues, rewrite, fc.integer({ min: 1, max: 300 }), (list, change, size) => {
        const text = change(JSON.stringify(list));
        const whole = readWhole(text);
        const streamed = readStreamed(text, size);
        if ('error' in whole && 'error' in streamed) {
          // The command words JSON errors its own way (with byte positions); the builder's errors are the same.
          if (whole.error.includes('JSON')) return;
        }
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});
