import { isReadOnlyRequest, realSiteFromEnvironment } from './real-jira-site';

describe('reading a real Jira site', () => {
  it('lets reads through and stops anything that could change the site', () => {
    expect(isReadOnlyRequest('GET', '/rest/api/3/project/FLOW')).toBe(true);
    expect(isReadOnlyRequest('POST', '/rest/api/3/search/jql')).toBe(true);
    expect(isReadOnlyRequest('POST', '/rest/api/3/changelog/bulkfetch')).toBe(true);
    // The backfill's main read: an expression only evaluates, it changes nothing.
    expect(isReadOnlyRequest('POST', '/rest/api/3/expression/evaluate')).toBe(true);
    expect(isReadOnlyRequest('POST', '/rest/api/3/expression/eval')).toBe(true);
    expect(isReadOnlyRequest('POST', '/rest/api/3/expression/evaluate/../../issue')).toBe(false);
    expect(isReadOnlyRequest('POST', '/rest/api/3/issue')).toBe(false);
    expect(isReadOnlyRequest('POST', '/rest/api/3/issue/FLOW-1/transitions')).toBe(false);
    expect(isReadOnlyRequest('PUT', '/rest/api/3/issue/FLOW-1')).toBe(false);
    expect(isReadOnlyRequest('DELETE', '/rest/api/3/issue/FLOW-1')).toBe(false);
  });

  it('needs all three settings or none', () => {
    expect(realSiteFromEnvironment({})).toBeNull();
    expect(() => realSiteFromEnvironment({ JIRA_SITE: 'https://x.atlassian.net' })).toThrow(/JIRA_EMAIL/);
    expect(realSiteFromEnvironment({ JIRA_SITE: 'https://x.atlassian.net/jira', JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 't' })).toEqual({
      site: 'https://x.atlassian.net',
      email: 'a@b.c',
      apiToken: 't',
    });
  });
});
