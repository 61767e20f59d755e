import { getAppContext } from '@forge/api';

/**
 * The address of the app's project page for a project: Jira serves a `jira:projectPage` module at
 * `/jira/software/projects/<KEY>/apps/<app id>/<environment id>`. The ids come from the running app's own
 * context; null when it has none (outside an invocation).
 */
export function forgeProjectPageUrl(siteUrl: string, projectKey: string): string | null {
  try {
    const { appAri, environmentAri } = getAppContext();
    // Forge gives the bare id; a development runtime may give the whole ARI.
    const appId = appAri.appId.replace(/^ari:cloud:ecosystem::app\//, '');
    return `${siteUrl}/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${appId}/${environmentAri.environmentId}`;
  } catch {
    return null;
  }
}
