import Resolver from '@forge/resolver';
import { loadProjectPage } from '../app/project-page';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { requestJiraAsUser } from '../adapters/jira/jira-request';
import { JiraUserPermissions } from '../adapters/jira/jira-user-permissions';
import { KvsSyncStateStore } from '../adapters/kvs/kvs-sync-state-store';
import { emptyPayload, projectKeyFromContext } from './resolver-context';
import { respond } from './resolver-response';

/** Resolver of the project page (`jira:projectPage`): everything a team member's browser may ask. */
export const projectPageResolver = new Resolver()
  .define('getProjectPage', ({ payload, context }) =>
    respond('getProjectPage', async () => {
      emptyPayload.parse(payload);
      const projectKey = projectKeyFromContext(context);
      const asUser = requestJiraAsUser();
      return loadProjectPage(
        {
          userPermissions: new JiraUserPermissions(asUser),
          // Looked up as the user too: the page shows the project as Jira shows it to them.
          projects: new JiraProjectDirectory(asUser),
          syncStates: new KvsSyncStateStore(),
        },
        projectKey,
      );
    }),
  )
  .getDefinitions();
