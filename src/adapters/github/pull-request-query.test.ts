import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PULL_REQUEST_EXPORT_QUERY, PULL_REQUEST_PAGE_QUERY } from './pull-request-query';

/** A query's tokens: GraphQL ignores white space and commas, and the shipped file is laid out by Prettier. */
const tokens = (query: string) => query.split(/[\s,]+|(?=[{}():!$[\]=])|(?<=[{}():!$[\]=])/).filter(Boolean);

describe('the pull-request export query', () => {
  it("is, in docs/pull-requests-export.graphql, the app's page query with the cursor named $endCursor for gh --paginate", () => {
    const shipped = readFileSync(join(__dirname, '../../../docs/pull-requests-export.graphql'), 'utf8');
    expect(tokens(shipped)).toEqual(tokens(PULL_REQUEST_EXPORT_QUERY));
    expect(shipped).toContain('$endCursor: String');
    expect(shipped).not.toContain('$after');
    expect(PULL_REQUEST_EXPORT_QUERY.replaceAll('$endCursor', '$after')).toBe(PULL_REQUEST_PAGE_QUERY);
  });
});
