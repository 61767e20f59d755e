import { parse } from 'graphql';
import { PULL_REQUEST_PAGE_QUERY } from '../../../src/adapters/github/pull-request-query';
import { queryCost } from './query-cost';

describe("GitHub's GraphQL query cost", () => {
  it("matches GitHub's documented example: 51 points, 305,100 nodes", () => {
    // From GitHub's rate-limit documentation: 100 repositories, 50 issues each, 60 labels each.
    const query = parse(`query {
      viewer { login repositories(first: 100) { edges { node { id
        issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } }
      } } } }
    }`);
    expect(queryCost(query, {})).toEqual({ cost: 51, nodeCount: 305_100, problems: [] });
  });

  it('costs the pull-request page 1 + 4 × page size requests, over 100', () => {
    const query = parse(PULL_REQUEST_PAGE_QUERY);
    expect(queryCost(query, { pageSize: 50 }).cost).toBe(2); // 201 requests
    expect(queryCost(query, { pageSize: 100 }).cost).toBe(4); // 401 requests
    expect(queryCost(query, { pageSize: 1 }).cost).toBe(1); // never less than a point
  });

  it('refuses a connection without a page size or with more than 100', () => {
    const missing = queryCost(parse('query { viewer { repositories { nodes { id } } } }'), {});
    expect(missing.problems).toEqual(['You must provide a `first` or `last` value to properly paginate the `repositories` connection.']);
    const large = queryCost(parse('query($n: Int) { viewer { repositories(first: $n) { nodes { id } } } }'), { n: 101 });
    expect(large.problems[0]).toContain('exceeds the `first` limit of 100 records');
  });

  it('refuses more than 500,000 nodes', () => {
    const query = parse(`query { viewer { repositories(first: 100) { nodes {
      issues(first: 100) { nodes { labels(first: 100) { nodes { id } } } } } } } }`);
    expect(queryCost(query, {}).problems[0]).toContain('exceeds the maximum limit of 500000');
  });
});
