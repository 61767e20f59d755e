import { expect } from '@jest/globals';
import { anyFieldSet, idIn, jql, projectIs, updatedSince } from './jql';

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
