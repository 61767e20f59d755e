/**
 * The interfaces the use-cases need from the outside world. Use-cases in src/app depend only on these;
 * src/adapters implements them on Forge's SDKs, and tests implement them in memory.
 */
import type { ProjectSummary, SyncState } from './shared/resolver-contract';

/** Jira's projects, as seen by one identity (the app, or the user who is calling). */
export interface ProjectDirectory {
  /** The project, or null when it does not exist or this identity may not see it. */
  findProject(projectKey: string): Promise<ProjectSummary | null>;
  listProjects(): Promise<ProjectSummary[]>;
}

/** What Jira lets the calling user do. Always answered by Jira itself, as that user. */
export interface UserPermissions {
  canBrowseProject(projectKey: string): Promise<boolean>;
  isJiraAdministrator(): Promise<boolean>;
}

export interface SyncStateStore {
  read(projectKey: string): Promise<SyncState | null>;
}

/** Which projects an admin chose to measure. */
export interface MeasuredProjects {
  list(): Promise<string[]>;
}

export interface Clock {
  now(): Date;
}
