import type { ProjectComponent } from './project-components';

/**
 * What the site knows about one project: identity, lead, the statuses of its workflow in board order, the
 * issue types it uses, and who may browse it. The demo generator's blueprints extend this with how the
 * team behaves; the REST layer needs only this.
 */
export type BoardStyle = 'kanban' | 'scrum' | 'queue';

/** Jira's `projectTypeKey`: which Jira product the project belongs to, and so where its pages live. */
export type ProjectTypeKey = 'software' | 'service_desk' | 'business';

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  style: BoardStyle;
  projectTypeKey: ProjectTypeKey;
  /** Indices into `STATUSES`, in board column order; the first is where new issues start. */
  statuses: readonly number[];
  /** Indices into `ISSUE_TYPES`. */
  issueTypes: readonly number[];
  /** False for a project the outsider persona may not browse. */
  outsidersMayBrowse: boolean;
  /** True for a project that uses the site's issue security scheme (see issue-security.ts). */
  issueSecurity?: boolean;
  /** The components its issues are filed under (see project-components.ts); absent: it uses none. */
  components?: readonly ProjectComponent[];
  /** Scrum projects: the moment sprint 1 started; sprints last two weeks. */
  sprintOrigin?: number;
}

export const SPRINT_LENGTH_DAYS = 14;
