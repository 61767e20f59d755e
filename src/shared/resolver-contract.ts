/**
 * What the Custom UI and the resolvers say to each other.
 *
 * Imported by both sides (src/handlers and static/), so a renamed field breaks the type-check on both.
 * Every resolver answers a `ResolverResult`: data on success, or a typed error the UI can explain.
 * A resolver never throws at the UI and never returns a stack trace.
 */

export type ResolverErrorCode =
  | 'INVALID_INPUT' // the payload failed validation; nothing was changed
  | 'FORBIDDEN' // the caller may not see or do this (e.g. cannot browse the project, is not an admin)
  | 'NOT_FOUND' // the project (or other subject) does not exist
  | 'RATE_LIMITED' // try again later
  | 'UNAVAILABLE' // Jira or storage failed; the message says what to retry
  | 'INTERNAL'; // an unexpected fault; details are in the app's logs, never in the answer

export interface ResolverError {
  code: ResolverErrorCode;
  message: string;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** Where a project's data pipeline stands, as the UI shows it. */
export type SyncStatus = 'never-synced' | 'queued' | 'running' | 'ok' | 'failed';

export interface SyncState {
  status: SyncStatus;
  /** Issues processed / issues known, while a backfill runs. */
  progress: { done: number; total: number | null } | null;
  lastSuccessAt: string | null;
  /** A readable message for the last failure; never a stack trace or a secret. */
  lastError: string | null;
}

export interface ProjectSummary {
  id: string;
  key: string;
  name: string;
}

/** `project-page` resolver, function `getProjectPage`: payload `{}`; the project comes from the context. */
export interface ProjectPageData {
  project: ProjectSummary;
  sync: SyncState;
}

/** `settings-page` resolver, function `listProjects`: payload `{}`. */
export interface ProjectListData {
  projects: Array<ProjectSummary & { measured: boolean }>;
}
