import { getAppContext } from '@forge/api';

/**
 * The segment of a project's Jira address for each project type (`projectTypeKey`): Jira serves Software
 * projects under `/jira/software/`, Service Management under `/jira/servicedesk/`, business (Work Management)
 * projects under `/jira/core/` and Product Discovery under `/jira/polaris/`.
 */
const PATH_OF_PROJECT_TYPE: Readonly<Record<string, string>> = {
  software: 'software',
  service_desk: 'servicedesk',
  business: 'core',
  product_discovery: 'polaris',
};

/**
 * The address of the app's project page for a project: Jira serves a `jira:projectPage` module at
 * `/jira/<project type>/projects/<KEY>/apps/<app id>/<environment id>`. The ids come from the running app's own
 * context. Null outside an invocation, and for a project type whose address is not known: no link is better
 * than one that leads nowhere.
 */
export function forgeProjectPageUrl(siteUrl: string, projectKey: string, projectTypeKey: string): string | null {
  const typePath = Object.hasOwn(PATH_OF_PROJECT_TYPE, projectTypeKey) ? PATH_OF_PROJECT_TYPE[projectTypeKey] : undefined;
  if (typePath === undefined) return null;
  try {
    const { appAri, environmentAri } = getAppContext();
    // Forge gives the bare id; a development runtime may give the whole ARI.
    const appId = appAri.appId.replace(/^ari:cloud:ecosystem::app\//, '');
    return `${siteUrl}/jira/${typePath}/projects/${encodeURIComponent(projectKey)}/apps/${appId}/${environmentAri.environmentId}`;
  } catch {
    return null;
  }
}
