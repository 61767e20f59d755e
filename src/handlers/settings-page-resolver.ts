import Resolver from '@forge/resolver';
import { listSiteProjects } from '../app/site-projects';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { requestJiraAsApp, requestJiraAsUser } from '../adapters/jira/jira-request';
import { JiraUserPermissions } from '../adapters/jira/jira-user-permissions';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { emptyPayload } from './resolver-context';
import { respond } from './resolver-response';

/** Resolver of the settings page (`jira:adminPage`): every function first checks the caller is a Jira admin. */
export const settingsPageResolver = new Resolver()
  .define('listProjects', ({ payload }) =>
    respond('listProjects', async () => {
      emptyPayload.parse(payload);
      return listSiteProjects({
        userPermissions: new JiraUserPermissions(requestJiraAsUser()),
        // As the app: an admin chooses among every project the app can measure, not only those they browse.
        projects: new JiraProjectDirectory(requestJiraAsApp()),
        measured: new KvsMeasuredProjects(),
      });
    }),
  )
  .getDefinitions();
