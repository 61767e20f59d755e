import type { IssueStore } from './issue-store';
import { compileJql } from './jql/jql-compiler';
import type { PermissionModel } from './permissions';
import { principalLabel, type Principal } from './principal';

/**
 * Runs JQL over the issue store for one caller: only issues of projects they may browse, never deleted
 * ones. Sorted results are cached per caller and query until the data changes, so paging through a
 * 200,000-issue project does not re-sort it for every page.
 */
const CACHE_SIZE = 16;

export class IssueSearch {
  private readonly cache = new Map<string, { version: number; rows: Int32Array }>();

  constructor(
    private readonly store: IssueStore,
    private readonly permissions: PermissionModel,
    private readonly clock: () => number,
  ) {}

  /** Matching rows in result order. Throws `JqlError` for a query Jira would refuse. */
  run(principal: Principal, jql: string): Int32Array {
    const cacheKey = `${principalLabel(principal)}\u0000${jql}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.version === this.store.version) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, cached);
      return cached.rows;
    }
    const { matches, compare } = this.compile(principal, jql);
    const rows = this.scan(principal, matches);
    rows.sort(compare);
    this.cache.set(cacheKey, { version: this.store.version, rows });
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return rows;
  }

  count(principal: Principal, jql: string): number {
    return this.scan(principal, this.compile(principal, jql).matches).length;
  }

  /** Validates a query without running it (throws `JqlError`). */
  validate(principal: Principal, jql: string): void {
    this.compile(principal, jql);
  }

  private compile(principal: Principal, jql: string) {
    const browsable = this.permissions.browsable(principal);
    return compileJql(jql, { store: this.store, browsable, principal, now: this.clock() });
  }

  private scan(principal: Principal, matches: (row: number) => boolean): Int32Array {
    const browsable = this.permissions.browsable(principal);
    const { store } = this;
    const found: number[] = [];
    const n = store.issueCount;
    for (let row = 0; row < n; row++) {
      if (store.deleted.get(row) !== 0 || !this.permissions.canSeeIssue(principal, row, browsable)) continue;
      if (matches(row)) found.push(row);
    }
    return Int32Array.from(found);
  }
}
