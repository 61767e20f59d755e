import { siteBoards, type SiteBoard } from '../boards';
import { STATUSES } from '../catalogue';
import { integerParam } from '../request-params';
import type { Route, RouteRequest } from '../router';
import type { SiteContext } from '../site-context';
import { JiraHttpError, json, type SimResponse } from '../sim-http';

/**
 * Jira Software's agile REST API, as far as a workflow's stages need it: the boards of a project and a board's
 * configuration (its columns and the statuses each shows). A board is visible to whoever may browse its
 * project, as a board whose filter is the project's; the rest answer as Jira does, 404.
 */
const BOARDS_MAX_RESULTS = 50;

function visibleBoards(site: SiteContext, request: RouteRequest): SiteBoard[] {
  return siteBoards(site.store.projects).filter((board) => site.permissions.canBrowse(request.principal, board.projectIndex));
}

function boardLocation(site: SiteContext, board: SiteBoard) {
  const project = site.store.projects[board.projectIndex]!;
  return {
    projectId: Number(project.id),
    displayName: `${project.name} (${project.key})`,
    projectName: project.name,
    projectKey: project.key,
    projectTypeKey: project.projectTypeKey,
    avatarURI: `${site.siteUrl}/rest/api/2/universal_avatar/view/type/project/avatar/10400?size=small`,
    name: `${project.name} (${project.key})`,
  };
}

function getAllBoards(site: SiteContext, request: RouteRequest): SimResponse {
  const { query } = request;
  const startAt = Math.max(0, integerParam(query, 'startAt', 0));
  const requested = integerParam(query, 'maxResults', BOARDS_MAX_RESULTS);
  const maxResults = requested < 1 || requested > BOARDS_MAX_RESULTS ? BOARDS_MAX_RESULTS : requested;
  const projectKeyOrId = query.get('projectKeyOrId');
  let boards = visibleBoards(site, request);
  if (projectKeyOrId !== null) {
    const index = site.store.projects.findIndex((project) => project.key === projectKeyOrId || project.id === projectKeyOrId);
    if (index < 0 || !site.permissions.canBrowse(request.principal, index)) {
      throw new JiraHttpError(400, [`No project could be found with key or id '${projectKeyOrId}'.`]);
    }
    boards = boards.filter((board) => board.projectIndex === index);
  }
  const type = query.get('type');
  if (type !== null) boards = boards.filter((board) => type.split(',').includes(board.type));
  const page = boards.slice(startAt, startAt + maxResults);
  return json(200, {
    maxResults,
    startAt,
    total: boards.length,
    isLast: startAt + page.length >= boards.length,
    values: page.map((board) => ({
      id: board.id,
      self: `${site.siteUrl}/rest/agile/1.0/board/${board.id}`,
      name: board.name,
      type: board.type,
      location: boardLocation(site, board),
    })),
  });
}

function getConfiguration(site: SiteContext, request: RouteRequest): SimResponse {
  const id = Number(request.params['boardId']);
  const board = visibleBoards(site, request).find((candidate) => candidate.id === id);
  if (!board) throw new JiraHttpError(404, ['Board does not exist or you do not have permission to see it.']);
  const project = site.store.projects[board.projectIndex]!;
  return json(200, {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${site.siteUrl}/rest/agile/1.0/board/${board.id}/configuration`,
    location: {
      type: 'project',
      key: project.key,
      id: project.id,
      self: `${site.siteUrl}/rest/api/3/project/${project.id}`,
      name: project.name,
    },
    filter: { id: String(10000 + board.id), self: `${site.siteUrl}/rest/api/3/filter/${10000 + board.id}` },
    ...(board.type === 'kanban' ? { subQuery: { query: 'resolution = EMPTY OR resolution changed after -2w' } } : {}),
    columnConfig: {
      columns: board.columns.map((column) => ({
        name: column.name,
        statuses: column.statuses.map((status) => ({
          id: STATUSES[status]!.id,
          self: `${site.siteUrl}/rest/api/3/status/${STATUSES[status]!.id}`,
        })),
      })),
      constraintType: 'issueCount',
    },
    ranking: { rankCustomFieldId: 10019 },
  });
}

export const boardRoutes: Route[] = [
  { method: 'GET', template: '/rest/agile/1.0/board', handler: getAllBoards },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/configuration', handler: getConfiguration },
];
