import { MS_PER_DAY, MS_PER_HOUR } from '../../src/domain';
import { SPRINT_LENGTH_DAYS, type SiteProject } from './site-project';

const SPRINT_MS = SPRINT_LENGTH_DAYS * MS_PER_DAY;
/** Sprints end on the Friday of their second week. */
const SPRINT_WORKING_SPAN_MS = 11 * MS_PER_DAY + 8 * MS_PER_HOUR;

/**
 * The scrum project's two-week sprints, derived from the project's sprint origin rather than stored: the
 * `Sprint` field lists every sprint an issue was part of, as Jira does for work carried over.
 */
export function sprintIndexAt(project: SiteProject, ms: number): number {
  if (project.sprintOrigin === undefined) return -1;
  return Math.floor((ms - project.sprintOrigin) / SPRINT_MS);
}

export function sprintJson(project: SiteProject, index: number, anchor: number) {
  const origin = project.sprintOrigin ?? 0;
  const start = origin + index * SPRINT_MS;
  const end = start + SPRINT_WORKING_SPAN_MS;
  const state = end <= anchor ? 'closed' : start <= anchor ? 'active' : 'future';
  return {
    id: index + 1,
    name: `${project.key} Sprint ${index + 1}`,
    state,
    boardId: 1,
    goal: '',
    startDate: new Date(start).toISOString(),
    endDate: new Date(end).toISOString(),
    ...(state === 'closed' ? { completeDate: new Date(end).toISOString() } : {}),
  };
}
