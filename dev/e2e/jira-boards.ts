import type { LocalSite } from '../local-site';
import { userWithRole } from '../testing/open-host-page';

/** Jira's answer to a GET, asked as the demo admin. */
async function asAdmin<T>(site: LocalSite, pathAndQuery: string): Promise<T> {
  const admin = userWithRole(site, 'admin');
  const response = await fetch(`${site.jiraUrl}${pathAndQuery}`, { headers: { 'x-forge-sim-principal': `user:${admin.accountId}` } });
  if (!response.ok) throw new Error(`${pathAndQuery}: ${response.status}`);
  return (await response.json()) as T;
}

/** Each column of a project's board with the names of the statuses it shows, from Jira Software's board configuration. */
export async function boardColumns(
  site: LocalSite,
  projectKey: string,
  boardName: string,
): Promise<Array<{ name: string; statuses: string[] }>> {
  const boards = await asAdmin<{ values: Array<{ id: number; name: string }> }>(site, `/rest/agile/1.0/board?projectKeyOrId=${projectKey}`);
  const board = boards.values.find((candidate) => candidate.name === boardName)!;
  const configuration = await asAdmin<{ columnConfig: { columns: Array<{ name: string; statuses: Array<{ id: string }> }> } }>(
    site,
    `/rest/agile/1.0/board/${board.id}/configuration`,
  );
  const types = await asAdmin<Array<{ statuses: Array<{ id: string; name: string }> }>>(site, `/rest/api/3/project/${projectKey}/statuses`);
  const names = new Map(types.flatMap((type) => type.statuses).map((status) => [status.id, status.name]));
  return configuration.columnConfig.columns.map((column) => ({
    name: column.name,
    statuses: column.statuses.map((status) => names.get(status.id)).filter((name): name is string => name !== undefined),
  }));
}
