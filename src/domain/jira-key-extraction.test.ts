import { extractJiraKeys, projectOfKey } from './jira-key-extraction';

const anyProject = { knownProjects: null };
const site = { knownProjects: new Set(['FLOW', 'SPR', 'ISO', 'AB_2']) };

describe('extractJiraKeys', () => {
  it.each([
    ['FLOW-123', ['FLOW-123']],
    ['feature/FLOW-123-login-form', ['FLOW-123']],
    ['feature/flow-123-login-form', ['FLOW-123']],
    ['fix/Flow-7_typo', ['FLOW-7']],
    ['[FLOW-12] Fix the login', ['FLOW-12']],
    ['FLOW-12, FLOW-13 and (SPR-4)', ['FLOW-12', 'FLOW-13', 'SPR-4']],
    ['FLOW-12/FLOW-13', ['FLOW-12', 'FLOW-13']],
    ['Merge FLOW-9: FLOW-9 again', ['FLOW-9']],
    ['FLOW-123 #comment done #time 1h', ['FLOW-123']],
    ['AB_2-40 underscores are allowed in keys', ['AB_2-40']],
  ])('finds the keys in %j', (text, keys) => {
    expect(extractJiraKeys([text], anyProject)).toEqual(keys);
  });

  it.each([
    'FLOW-0', // issue numbers start at 1
    'FLOW-012', // and have no leading zero
    'F-12', // a project key has at least two characters
    '1FLOW-12', // and starts with a letter
    'FLOW-12abc',
    'FLOW-',
    'FLOW 12',
  ])('finds nothing in %j', (text) => {
    expect(extractJiraKeys([text], anyProject)).toEqual([]);
  });

  it('refuses look-alikes such as UTF-8 and ISO-8601 when the site has no such project', () => {
    const texts = ['Read files as UTF-8', 'dates in ISO-8601', 'sha-256 digests', 'RFC-7231 says so', 'FLOW-5 uses utf-8'];
    expect(extractJiraKeys(texts, anyProject)).toEqual(['FLOW-5']);
  });

  it('keeps a look-alike when the site really has that project', () => {
    expect(extractJiraKeys(['dates in ISO-8601', 'utf-8'], site)).toEqual(['ISO-8601']);
  });

  it('keeps only keys of known projects when the site is known', () => {
    expect(extractJiraKeys(['OTHER-1 FLOW-2 spr-3 NOPE-4'], site)).toEqual(['FLOW-2', 'SPR-3']);
    // A key inside a longer word names that word's project, not FLOW.
    expect(extractJiraKeys(['xFLOW-12', 'MYFLOW-3'], site)).toEqual([]);
  });

  it('reads branch, title and every commit message, once per key, in order of first mention', () => {
    const branch = 'feature/spr-8-offline';
    const title = 'SPR-8 Offline mode';
    const commits = ['WIP', 'FLOW-3: shared cache', 'Fix tests for SPR-8', null];
    expect(extractJiraKeys([branch, title, ...commits], site)).toEqual(['SPR-8', 'FLOW-3']);
  });
});

describe('projectOfKey', () => {
  it('answers the part before the last hyphen', () => {
    expect(projectOfKey('FLOW-12')).toBe('FLOW');
    expect(projectOfKey('AB_2-40')).toBe('AB_2');
  });
});
