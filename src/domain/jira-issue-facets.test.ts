import { facetsOfJiraIssue } from './jira-issue-facets';

const base = { issuetype: { name: 'Story' }, status: { id: '3' }, created: '2026-01-01T00:00:00.000+0000' };

describe("an issue's facets from Jira's fields", () => {
  it('keeps the resolution name, the labels, the component names and only the key of the parent', () => {
    const facets = facetsOfJiraIssue({
      ...base,
      resolution: { self: 'https://site/rest/api/3/resolution/10004', id: '10004', name: "Won't Fix", description: 'Never fixed.' },
      labels: ['checkout', 'mobile'],
      components: [{ self: 'https://site/rest/api/3/component/10', id: '10', name: 'Payments' }],
      parent: { id: '10001', key: 'FLOW-7', fields: { summary: 'The epic of payments', status: { name: 'To Do' } } },
    });
    expect(facets).toEqual({ resolution: "Won't Fix", labels: ['checkout', 'mobile'], components: ['Payments'], parent: 'FLOW-7' });
    expect(JSON.stringify(facets)).not.toContain('epic of payments');
  });

  it('reads missing or malformed fields as empty, never failing the issue', () => {
    expect(facetsOfJiraIssue(base)).toEqual({ resolution: null, labels: [], components: [], parent: null });
    expect(
      facetsOfJiraIssue({ ...base, resolution: 'Done', labels: [3, '', 'ok'], components: ['Payments', { id: '1' }], parent: { id: '1' } }),
    ).toEqual({
      resolution: null,
      labels: ['ok'],
      components: [],
      parent: null,
    });
  });
});
