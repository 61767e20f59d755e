import { expect } from '@jest/globals';
import { allOf, anyFieldSet, idIn, jql, notDone, parentIs, projectIs, readersQuery, updatedSince } from './jql';

describe('JQL values', () => {
  it('writes validated values only', () => {
    expect(jql([projectIs('FLOW'), idIn(['10001', '10002'])], 'key ASC')).toBe('project = "FLOW" AND id in (10001,10002) ORDER BY key ASC');
    expect(projectIs('AND')).toBe('project = "AND"');
  });

  it.each(['FLOW" OR project = "SECRET', 'flow', 'FLOW OR 1=1', 'FLOW\\', '', 'FL"OW'])('refuses the project key %p', (key) => {
    expect(() => projectIs(key)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it.each([['1) OR (1=1'], ['10001', 'FLOW-1'], ['-1'], ['0x10'], ['1e5'], []])('refuses the id list %p', (...ids) => {
    expect(() => idIn(ids)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('asks for issues where any Flagged field is set, by validated custom field ids only', () => {
    expect(anyFieldSet(['customfield_10021'])).toBe('(cf[10021] is not EMPTY)');
    expect(anyFieldSet(['customfield_10021', 'customfield_10500'])).toBe('(cf[10021] is not EMPTY OR cf[10500] is not EMPTY)');
    for (const ids of [[], ['flagged'], ['customfield_1) OR (1=1'], ['customfield_010021'], ['summary']]) {
      expect(() => anyFieldSet(ids)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });

  it('turns an instant into a relative period that reaches back at least that far', () => {
    const now = Date.UTC(2025, 5, 2, 12, 0, 0);
    expect(updatedSince(now - 90 * 60_000, now)).toBe('updated >= -90m');
    expect(updatedSince(now - 90 * 60_000 - 1, now)).toBe('updated >= -91m');
    expect(updatedSince(now + 5_000, now)).toBe('updated >= -1m');
    expect(() => updatedSince(Number.NaN, now)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe("a reader's own JQL, as one clause", () => {
  it('keeps the query whole, inside parentheses, with parentheses and quotes inside values left alone', () => {
    expect(readersQuery('  issuetype = Bug ', 2000)).toBe('(issuetype = Bug)');
    expect(readersQuery('(status = Done OR status = "In (Review") AND summary ~ "it\\"s )"', 2000)).toBe(
      '((status = Done OR status = "In (Review") AND summary ~ "it\\"s )")',
    );
    expect(readersQuery("labels = 'a)b'", 2000)).toBe("(labels = 'a)b')");
    expect(allOf([projectIs('FLOW'), readersQuery('issuetype = Bug', 2000), notDone])).toBe(
      'project = "FLOW" AND (issuetype = Bug) AND statusCategory != Done',
    );
  });

  it.each([
    ['issuetype = Bug) OR (project = BUG', 'The query has a parenthesis that is never opened or never closed.'],
    [')(', 'The query has a parenthesis that is never opened or never closed.'],
    ['(issuetype = Bug', 'The query has a parenthesis that is never opened or never closed.'],
    ['status = "Done) OR (project = BUG', 'The query has a quote that is never closed.'],
    ['status = "Done\\"', 'The query has a quote that is never closed.'],
    ['issuetype = Bug order  by created', 'Leave out ORDER BY: a count has no order.'],
    ['   ', 'Enter a JQL query.'],
    [`issuetype = Bug AND ${'x'.repeat(2000)}`, 'The query is too long: at most 2000 characters.'],
  ])('refuses %p', (query, message) => {
    expect(() => readersQuery(query, 2000)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message }));
  });

  it("names an issue's children by a validated key only", () => {
    expect(parentIs('FLOW-12')).toBe('parent = "FLOW-12"');
    for (const key of ['FLOW-12" OR project = "BUG', 'flow-12', 'FLOW-0', 'FLOW', '12']) {
      expect(() => parentIs(key)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});
