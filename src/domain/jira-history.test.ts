import { issueAt } from './compact-history';
import { InstantReadAhead } from './instant-read-ahead';
import { parseIsoTimestamp } from './iso-timestamp';
import {
  collectBulkChangelogs,
  compactHistoryFromSearch,
  JiraHistoryBuilder,
  JiraHistoryError,
  type JiraChangeHistory,
  type JiraSearchIssue,
} from './jira-history';

const status = (id: string, name: string) => ({ field: 'status', fieldtype: 'jira', fieldId: 'status', ...{ id, name } });
const move = (id: string, created: string, from: [string, string], to: [string, string]): JiraChangeHistory => ({
  id,
  created,
  items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from[0], fromString: from[1], to: to[0], toString: to[1] }],
});
const TODO: [string, string] = ['1', 'To Do'];
const DOING: [string, string] = ['2', 'In Progress'];
const REVIEW: [string, string] = ['3', 'In Review'];
const DONE: [string, string] = ['4', 'Done'];

function issue(overrides: Partial<JiraSearchIssue> & { histories?: JiraChangeHistory[] } = {}): JiraSearchIssue {
  const { histories = [], ...rest } = overrides;
  return {
    id: '10001',
    key: 'ABC-1',
    fields: {
      issuetype: { name: 'Story' },
      status: { id: '4', name: 'Done', statusCategory: { key: 'done' } },
      created: '2025-03-03T09:00:00.000+0000',
      resolutiondate: '2025-03-06T17:00:00.000+0000',
      project: { key: 'ABC' },
    },
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    ...rest,
  };
}

const ms = (text: string) => Date.parse(text);

describe('reading search/jql issues', () => {
  it('keeps key, type, created, resolution, the initial status and each status transition', () => {
    const history = compactHistoryFromSearch([
      issue({
        histories: [
          move('100', '2025-03-04T10:00:00.000+0000', TODO, DOING),
          {
            id: '101',
            created: '2025-03-05T10:00:00.000+0000',
            items: [
              { field: 'assignee', fieldtype: 'jira', from: null, to: 'abc' },
              { field: 'Rank', fieldtype: 'custom' },
            ],
          },
          move('102', '2025-03-06T17:00:00.000+0000', DOING, DONE),
        ],
      }),
    ]);
    const view = issueAt(history, 0);
    expect(view).toMatchObject({
      id: '10001',
      key: 'ABC-1',
      type: 'Story',
      created: ms('2025-03-03T09:00:00Z'),
      resolved: ms('2025-03-06T17:00:00Z'),
    });
    expect(view.initialStatus).toEqual({ id: '1', name: 'To Do', category: null });
    expect(view.transitions.map((t) => [t.at, t.status.name])).toEqual([
      [ms('2025-03-04T10:00:00Z'), 'In Progress'],
      [ms('2025-03-06T17:00:00Z'), 'Done'],
    ]);
    expect(history.statuses.find((s) => s.name === 'Done')!.category).toBe('done'); // from fields.status
    expect(status('x', 'y').field).toBe('status');
  });

  it('takes an issue without status changes as created in its current status', () => {
    const history = compactHistoryFromSearch([
      issue({ fields: { ...issue().fields, status: { id: '1', name: 'To Do', statusCategory: { key: 'new' } }, resolutiondate: null } }),
    ]);
    expect(issueAt(history, 0).initialStatus.name).toBe('To Do');
    expect(issueAt(history, 0).transitions).toEqual([]);
  });

  it('sorts histories given newest first, breaking ties by history id', () => {
    const history = compactHistoryFromSearch([
      issue({
        histories: [
          move('103', '2025-03-06T17:00:00.000+0000', REVIEW, DONE),
          move('102', '2025-03-05T10:00:00.000+0000', DOING, REVIEW),
          move('101', '2025-03-05T10:00:00.000+0000', TODO, DOING), // same instant, earlier id
        ],
      }),
    ]);
    expect(issueAt(history, 0).transitions.map((t) => t.status.name)).toEqual(['In Progress', 'In Review', 'Done']);
    expect(issueAt(history, 0).initialStatus.name).toBe('To Do');
  });

  it('follows an issue moved between projects: current key, history continues across the move', () => {
    const history = compactHistoryFromSearch([
      issue({
        key: 'NEW-7',
        fields: {
          ...issue().fields,
          status: { id: '3', name: 'In Review', statusCategory: { key: 'indeterminate' } },
          resolutiondate: null,
          project: { key: 'NEW' },
        },
        histories: [
          move('1', '2025-03-04T09:00:00.000+0000', TODO, DOING),
          {
            id: '2',
            created: '2025-03-05T09:00:00.000+0000',
            items: [
              { field: 'project', fieldtype: 'jira', fieldId: 'project', from: '10000', fromString: 'Old', to: '10001', toString: 'New' },
              { field: 'Key', fieldtype: 'jira', from: null, fromString: 'OLD-3', to: null, toString: 'NEW-7' },
              { field: 'Workflow', fieldtype: 'jira', from: '1', fromString: 'Old workflow', to: '2', toString: 'New workflow' },
              {
                field: 'status',
                fieldtype: 'jira',
                fieldId: 'status',
                from: '2',
                fromString: 'In Progress',
                to: '3',
                toString: 'In Review',
              },
            ],
          },
        ],
      }),
    ]);
    const view = issueAt(history, 0);
    expect(view.key).toBe('NEW-7');
    expect(view.transitions.map((t) => [t.at, t.status.name])).toEqual([
      [ms('2025-03-04T09:00:00Z'), 'In Progress'],
      [ms('2025-03-05T09:00:00Z'), 'In Review'],
    ]);
  });

  it('reads status by name when Jira gives no id', () => {
    const history = compactHistoryFromSearch([
      issue({
        fields: { ...issue().fields, status: { name: 'Done' } },
        histories: [{ created: '2025-03-04T10:00:00.000+0000', items: [{ field: 'status', fromString: 'To Do', toString: 'Done' }] }],
      }),
    ]);
    expect(history.statuses.map((s) => [s.id, s.name])).toEqual([
      [null, 'Done'],
      [null, 'To Do'],
    ]);
    expect(issueAt(history, 0).transitions[0]!.status.name).toBe('Done');
  });

  it('records the Flagged field: set, cleared, and flagged since creation', () => {
    const flag = (created: string, on: boolean): JiraChangeHistory => ({
      created,
      items: [
        on
          ? {
              field: 'Flagged',
              fieldtype: 'custom',
              fieldId: 'customfield_10021',
              from: null,
              fromString: null,
              to: '[10019]',
              toString: 'Impediment',
            }
          : {
              field: 'Flagged',
              fieldtype: 'custom',
              fieldId: 'customfield_10021',
              from: '[10019]',
              fromString: 'Impediment',
              to: null,
              toString: null,
            },
      ],
    });
    const history = compactHistoryFromSearch([
      issue({ histories: [flag('2025-03-04T10:00:00.000+0000', true), flag('2025-03-05T10:00:00.000+0000', false)] }),
      issue({ key: 'ABC-2', histories: [flag('2025-03-04T12:00:00.000+0000', false)] }),
      issue({ key: 'ABC-3', fields: { ...issue().fields, customfield_10021: [{ value: 'Impediment' }] } }),
    ]);
    expect(issueAt(history, 0).flags).toEqual([
      { at: ms('2025-03-04T10:00:00Z'), on: true },
      { at: ms('2025-03-05T10:00:00Z'), on: false },
    ]);
    expect(issueAt(history, 1).flags).toEqual([
      { at: ms('2025-03-03T09:00:00Z'), on: true },
      { at: ms('2025-03-04T12:00:00Z'), on: false },
    ]);
    expect(issueAt(history, 2).flags).toEqual([{ at: ms('2025-03-03T09:00:00Z'), on: true }]);
  });

  it('recognises a site-specific Flagged field id', () => {
    const builder = new JiraHistoryBuilder({ flaggedFieldIds: ['customfield_99999'] });
    builder.addSearchIssue(
      issue({
        histories: [
          { created: '2025-03-04T10:00:00.000+0000', items: [{ field: 'Blocker', fieldId: 'customfield_99999', toString: 'Yes' }] },
        ],
      }),
    );
    expect(issueAt(builder.build(), 0).flags).toHaveLength(1);
  });

  it('takes categories and current names from a status catalogue', () => {
    const builder = new JiraHistoryBuilder({ statuses: [{ id: '3', name: 'Code Review', statusCategory: { key: 'indeterminate' } }] });
    builder.addSearchIssue(
      issue({
        histories: [move('1', '2025-03-04T10:00:00.000+0000', TODO, REVIEW), move('2', '2025-03-05T10:00:00.000+0000', REVIEW, DONE)],
      }),
    );
    expect(builder.build().statuses.find((s) => s.id === '3')).toEqual({ id: '3', name: 'Code Review', category: 'indeterminate' });
  });

  it('warns about truncated changelogs', () => {
    const builder = new JiraHistoryBuilder();
    const truncated = issue({ histories: [move('1', '2025-03-04T10:00:00.000+0000', DOING, DONE)] });
    truncated.changelog.total = 140;
    builder.addSearchIssue(truncated);
    expect(builder.warnings[0]).toMatch(/^ABC-1: the changelog holds 1 of 140 entries/);
  });

  it('takes date-times read ahead as instants as it takes their text, and refuses the same ones', () => {
    const histories = [move('1', '2025-03-04T10:00:00.000+0000', TODO, DONE)];
    const asText = issue({ histories });
    const readAhead = (text: string) => new InstantReadAhead(parseIsoTimestamp(text));
    const asInstants = issue({
      histories,
      fields: { ...asText.fields, created: readAhead(asText.fields.created), resolutiondate: readAhead(asText.fields.resolutiondate!) },
    } as unknown as Partial<JiraSearchIssue>);
    expect(compactHistoryFromSearch([asInstants])).toEqual(compactHistoryFromSearch([asText]));
    const before1970 = issue({
      fields: { ...asText.fields, created: readAhead('1969-12-31T23:00:00.000+0000') },
    } as unknown as Partial<JiraSearchIssue>);
    expect(() => compactHistoryFromSearch([before1970])).toThrow(JiraHistoryError);
  });
});

describe('bad input names the issue and the field', () => {
  const fails = (input: unknown) => {
    try {
      compactHistoryFromSearch([issue({ key: 'ABC-0' }), input]);
    } catch (error) {
      expect(error).toBeInstanceOf(JiraHistoryError);
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  it.each([
    [42, 'issue #1: (issue): expected an object, got 42'],
    [{ ...issue(), key: undefined, id: '10009' }, 'issue #1 (id 10009): key: expected a non-empty string, got missing'],
    [{ ...issue(), changelog: undefined }, 'ABC-1: changelog: missing: fetch issues with expand=changelog'],
    [
      { ...issue(), fields: { ...issue().fields, created: '2025-02-30T09:00:00.000+0000' } },
      'ABC-1: fields.created: "2025-02-30T09:00:00.000+0000" is not a date-time with a time zone offset',
    ],
    [
      { ...issue(), fields: { ...issue().fields, resolutiondate: '2025-03-01T09:00:00.000+0000' } },
      'ABC-1: fields.resolutiondate: 2025-03-01T09:00:00.000+0000 is before the issue was created',
    ],
    [{ ...issue(), fields: { ...issue().fields, issuetype: {} } }, 'ABC-1: fields.issuetype.name: expected a string, got missing'],
    [
      { ...issue(), fields: { ...issue().fields, status: 'Done' } },
      'ABC-1: fields.status: expected an object with an id or a name, got "Done"',
    ],
    [issue({ histories: [move('1', 'yesterday', TODO, DONE)] }), 'ABC-1: changelog.histories[0].created: "yesterday" is not a date-time'],
    [
      issue({ histories: [move('1', '9999-03-04T09:00:00.000+0000', TODO, DONE)] }),
      'ABC-1: changelog.histories[0].created: "9999-03-04T09:00:00.000+0000" is not a date-time with a time zone offset between 1970 and 2199',
    ],
    [
      { ...issue(), fields: { ...issue().fields, created: '0001-01-01T00:00:00Z' } },
      'ABC-1: fields.created: "0001-01-01T00:00:00Z" is not a date-time',
    ],
    [
      issue({ histories: [move('1', '2025-03-01T09:00:00.000+0000', TODO, DONE)] }),
      'ABC-1: changelog.histories[0].created: 2025-03-01T09:00:00.000+0000 is before the issue was created',
    ],
    [
      issue({ histories: [{ created: '2025-03-04T09:00:00.000+0000', items: [{ field: 'status', fromString: 'To Do' }] }] }),
      'ABC-1: changelog.histories[0].items[0].to: a status change without the status entered',
    ],
    [
      issue({ histories: [{ created: '2025-03-04T09:00:00.000+0000', items: 'status' as never }] }),
      'ABC-1: changelog.histories[0].items: expected an array',
    ],
  ])('%#', (input, message) => {
    expect(fails(input)).toContain(message);
  });

  it('does not mistake Object.prototype.toString for a status name', () => {
    expect(fails(issue({ histories: [{ created: '2025-03-04T09:00:00.000+0000', items: [{ field: 'status', from: '1' }] }] }))).toContain(
      'items[0].to',
    );
  });
});

describe('reading bulk changelogs', () => {
  it('gathers histories split across pages and builds the same history as search', () => {
    const histories = [move('100', '2025-03-04T10:00:00.000+0000', TODO, DOING), move('102', '2025-03-06T17:00:00.000+0000', DOING, DONE)];
    const pages = [
      { issueChangeLogs: [{ issueId: '10001', changeHistories: [histories[0]!] }], nextPageToken: 'next' },
      { issueChangeLogs: [{ issueId: '10001', changeHistories: [histories[1]!] }], nextPageToken: null },
    ];
    const byIssue = collectBulkChangelogs(pages);
    expect(byIssue.get('10001')).toEqual(histories);

    const { changelog: _changelog, ...fields } = issue();
    const builder = new JiraHistoryBuilder();
    builder.addChangelogIssue(fields, byIssue.get('10001'));
    expect(builder.build()).toEqual(compactHistoryFromSearch([issue({ histories })]));
  });

  it('names the bulk field in errors', () => {
    const builder = new JiraHistoryBuilder();
    const { changelog: _changelog, ...fields } = issue();
    expect(() => builder.addChangelogIssue(fields, [move('1', 'soon', TODO, DONE)])).toThrow('ABC-1: changeHistories[0].created');
    expect(() => builder.addChangelogIssue(fields, undefined)).toThrow('ABC-1: changeHistories: expected an array');
  });

  it('remembers where each status was first seen', () => {
    const builder = new JiraHistoryBuilder();
    builder.addSearchIssue(issue({ histories: [move('1', '2025-03-04T10:00:00.000+0000', TODO, REVIEW)] }));
    const history = builder.build();
    const review = history.statuses.findIndex((s) => s.name === 'In Review');
    expect(builder.statusLocation(review)).toEqual({ issueKey: 'ABC-1', field: 'changelog.histories[0].items[0].to' });
    expect(builder.statusLocation(history.statuses.findIndex((s) => s.name === 'Done'))).toEqual({
      issueKey: 'ABC-1',
      field: 'fields.status',
    });
  });
});
