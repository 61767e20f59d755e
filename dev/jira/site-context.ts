import type { EventEmitter } from 'node:events';
import type { IssueChanges } from './issue-changes';
import type { IssueSearch } from './issue-search';
import type { IssueStore } from './issue-store';
import type { PermissionModel } from './permissions';

/** What every endpoint of the simulated site works with. */
export interface SiteContext {
  store: IssueStore;
  permissions: PermissionModel;
  /** The site's base URL, as Jira puts it in every `self` link. */
  siteUrl: string;
  /** Milliseconds now: when changes happen and what relative JQL dates mean. */
  clock: () => number;
  /** Milliseconds: where the demo data ends. Anything derived from generated data uses this, not the clock. */
  anchor: number;
  events: EventEmitter;
  search: IssueSearch;
  changes: IssueChanges;
}
