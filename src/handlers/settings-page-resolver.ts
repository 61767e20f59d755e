import Resolver, { type Request } from '@forge/resolver';
import type { z } from 'zod';
import { listSiteProjects } from '../app/settings/site-projects';
import { exportAppData } from '../app/privacy/app-data-export';
import { eraseAllAppData } from '../app/privacy/app-data-erasure';
import { readAuditLog } from '../app/audit/audit-log-pages';
import type { Actor } from '../app/audit/audit-trail';
import { getDataPrivacy } from '../app/privacy/data-privacy-overview';
import { purgeNow } from '../app/privacy/expired-data-purge';
import {
  connectGitHub,
  createGitHubWebhookSecret,
  disconnectGitHub,
  getGitHubConnection,
  updateGitHubRepositories,
} from '../app/connections/github-connection';
import { getGeneratedPaths, setGeneratedPaths } from '../app/connections/generated-paths-settings';
import { requireJiraAdministrator } from '../app/access/jira-administrator';
import { setProjectMeasured } from '../app/settings/measured-projects-settings';
import { listProjectSettings } from '../app/settings/project-settings-list';
import { requestProjectSync } from '../app/sync/project-sync-request';
import { proposeBoardWorkflow } from '../app/settings/board-workflow-proposal';
import { getProjectWorkflow, resetProjectWorkflow, saveProjectWorkflow } from '../app/settings/project-workflow-settings';
import { setRetention } from '../app/privacy/retention-window';
import { resealSecrets } from '../app/connections/secret-resealing';
import {
  connectSlack,
  disconnectSlack,
  getSlackConnection,
  sendSlackTestMessage,
  updateSlackChannel,
} from '../app/connections/slack-connection';
import { rememberSite, sendSlackDigestNow } from '../app/digest/slack-digest-request';
import { getSlackAlerts, saveSlackAlerts } from '../app/slack-alerts/slack-alert-settings';
import { requireActiveLicence, type InstallationLicence } from '../app/access/installation-licence';
import { licenceFromContext } from './installation-licence-context';
import { actorFromContext, siteUrlFromContext } from './resolver-context';
import { respond, type NamedResolverTable } from './resolver-response';
import type { SettingsFunctions } from '../shared/resolver-contract';
import { settingsPayloads as payloads } from './settings-payloads';
import { settingsPorts, type SettingsPorts } from './settings-wiring';
import { appAdapters, type AppAdapters } from './composition-root';
import { slackDigestRequestPorts } from './digest-wiring';

/**
 * One settings function: who is calling comes from the platform's context; Jira, asked as that user, must call
 * them an administrator before the payload is even read; then the payload is validated and one use-case runs.
 * A member or an outsider gets FORBIDDEN and nothing is read or changed.
 */
function settingsFunction<S extends z.ZodType, R>(
  schema: S,
  work: (
    input: z.infer<S>,
    call: { actor: Actor; ports: SettingsPorts; adapters: AppAdapters; siteUrl: string | null; licence: InstallationLicence },
  ) => Promise<R>,
  options: { costsTheSite?: boolean } = {},
) {
  return (name: string) =>
    ({ payload, context }: Request) =>
      respond(name, async () => {
        const actor = actorFromContext(context);
        const adapters = appAdapters();
        const ports = settingsPorts(adapters);
        await requireJiraAdministrator(ports.userPermissions);
        const input = schema.parse(payload ?? {});
        const licence = licenceFromContext(context);
        // A sync or a digest costs the site requests and the app's quotas: not while the licence is inactive.
        if (options.costsTheSite) requireActiveLicence(licence);
        return work(input, { actor, ports, adapters, siteUrl: siteUrlFromContext(context), licence });
      });
}

const github = (ports: SettingsPorts) => ({ ...ports, record: ports.githubRecord });
const slack = (ports: SettingsPorts) => ({ ...ports, record: ports.slackRecord });

/** The weekly digest links to Jira, but a scheduled run has no site in its context: the Slack tab's calls remember it. */
async function rememberSiteOf(siteUrl: string | null, ports: SettingsPorts): Promise<void> {
  if (siteUrl !== null) await rememberSite(ports.site, siteUrl, ports.clock.now());
}

/** Every settings function, by the name the UI invokes. The payload and answer types are in src/shared/resolver-contract.ts. */
const SETTINGS_FUNCTIONS = {
  // Projects and workflows
  // As the app: an admin chooses among every project the app can measure, not only those they browse.
  listProjects: settingsFunction(payloads.none, (_, { ports }) => listSiteProjects(ports)),
  listProjectSettings: settingsFunction(payloads.none, async (_, { ports, licence }) => ({
    ...(await listProjectSettings(ports)),
    licenceActive: licence.active,
  })),
  setProjectMeasured: settingsFunction(payloads.setProjectMeasured, (input, { actor, ports }) => setProjectMeasured(ports, actor, input)),
  getProjectWorkflow: settingsFunction(payloads.project, (input, { ports }) => getProjectWorkflow(ports, input.projectKey)),
  saveProjectWorkflow: settingsFunction(payloads.saveProjectWorkflow, (input, { actor, ports }) =>
    saveProjectWorkflow(ports, actor, input),
  ),
  resetProjectWorkflow: settingsFunction(payloads.project, (input, { actor, ports }) =>
    resetProjectWorkflow(ports, actor, input.projectKey),
  ),
  // Reads the board as the admin and stores nothing: the editor shows the proposal, and Save stores it.
  proposeBoardWorkflow: settingsFunction(payloads.proposeBoardWorkflow, (input, { ports }) => proposeBoardWorkflow(ports, input)),
  requestProjectSync: settingsFunction(payloads.requestProjectSync, (input, { actor, ports }) => requestProjectSync(ports, actor, input), {
    costsTheSite: true,
  }),
  // GitHub
  getGitHubConnection: settingsFunction(payloads.none, (_, { ports }) => getGitHubConnection(github(ports))),
  // Both check the token with GitHub and queue the backfill of the repositories it starts to see.
  connectGitHub: settingsFunction(payloads.connectGitHub, (input, { actor, ports }) => connectGitHub(github(ports), actor, input), {
    costsTheSite: true,
  }),
  updateGitHubRepositories: settingsFunction(
    payloads.updateGitHubRepositories,
    (input, { actor, ports }) => updateGitHubRepositories(github(ports), actor, input),
    { costsTheSite: true },
  ),
  disconnectGitHub: settingsFunction(payloads.none, (_, { actor, ports }) => disconnectGitHub(github(ports), actor)),
  createGitHubWebhookSecret: settingsFunction(payloads.none, (_, { actor, ports }) => createGitHubWebhookSecret(github(ports), actor)),
  getGeneratedPaths: settingsFunction(payloads.none, (_, { ports }) => getGeneratedPaths(ports)),
  setGeneratedPaths: settingsFunction(payloads.setGeneratedPaths, (input, { actor, ports }) => setGeneratedPaths(ports, actor, input)),
  // Slack
  getSlackConnection: settingsFunction(payloads.none, async (_, { ports, siteUrl }) => {
    const connection = await getSlackConnection(slack(ports));
    // Only a connected Slack gets digests, so only then is the site worth keeping (an erased site stays empty).
    if (connection.connected) await rememberSiteOf(siteUrl, ports);
    return connection;
  }),
  connectSlack: settingsFunction(payloads.connectSlack, async (input, { actor, ports, siteUrl }) => {
    const connection = await connectSlack(slack(ports), actor, input);
    await rememberSiteOf(siteUrl, ports);
    return connection;
  }),
  updateSlackChannel: settingsFunction(payloads.updateSlackChannel, (input, { actor, ports }) =>
    updateSlackChannel(slack(ports), actor, input),
  ),
  disconnectSlack: settingsFunction(payloads.none, (_, { actor, ports }) => disconnectSlack(slack(ports), actor)),
  sendSlackTestMessage: settingsFunction(payloads.none, (_, { actor, ports }) => sendSlackTestMessage(slack(ports), actor)),
  sendSlackDigest: settingsFunction(
    payloads.none,
    (_, { actor, ports, adapters, siteUrl }) => sendSlackDigestNow(slackDigestRequestPorts(ports, adapters), actor, siteUrl),
    {
      costsTheSite: true,
    },
  ),
  getSlackAlerts: settingsFunction(payloads.none, (_, { ports }) => getSlackAlerts(ports)),
  saveSlackAlerts: settingsFunction(payloads.saveSlackAlerts, (input, { actor, ports }) => saveSlackAlerts(ports, actor, input)),
  // Data and privacy
  getDataPrivacy: settingsFunction(payloads.none, (_, { ports }) => getDataPrivacy(ports)),
  setRetention: settingsFunction(payloads.setRetention, async (input, { actor, ports }) => {
    await setRetention(ports, actor, input);
    return getDataPrivacy(ports);
  }),
  purgeNow: settingsFunction(payloads.none, (_, { actor, ports }) => purgeNow(ports, actor)),
  exportAppData: settingsFunction(payloads.exportAppData, (input, { actor, ports }) => exportAppData(ports, actor, input.cursor)),
  eraseAllAppData: settingsFunction(payloads.eraseAllAppData, (input, { actor, ports }) => eraseAllAppData(ports, actor, input)),
  resealSecrets: settingsFunction(payloads.none, (_, { actor, ports }) => resealSecrets(ports, actor)),
  // Audit log
  getAuditLog: settingsFunction(payloads.auditLog, (input, { ports }) => readAuditLog(ports, input.cursor)),
} satisfies NamedResolverTable<SettingsFunctions>;

/** The names of every function the settings resolver defines (tests check each one refuses non-admins). */
export const SETTINGS_FUNCTION_KEYS = Object.keys(SETTINGS_FUNCTIONS) as ReadonlyArray<keyof SettingsFunctions>;

const resolver = new Resolver();
for (const [name, define] of Object.entries(SETTINGS_FUNCTIONS)) resolver.define(name, define(name));

/** Resolver of the settings page (`jira:adminPage`): every function first checks the caller is a Jira admin. */
export const settingsPageResolver = resolver.getDefinitions();
