import { fetchUnderneath } from './runtime/forge-global-fetch';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { KvsEmulator } from './kvs';
import { createJiraSite, startJiraServer } from './jira/jira-site';
import { PersonalDataService } from './atlassian/personal-data';
import { createDemoGitHub, type DemoGitHub } from './github/demo-github';
import { githubControl } from './github/github-control';
import { startHost, type RunningHost } from './host/host-server';
import type { HostUser } from './host/demo-users';
import { LocalPlatform, type AppForm, type ForgeLicence } from './runtime/local-platform';
import { HttpSimulationTarget, InProcessTarget, type ProductTarget } from './runtime/product-target';
import { RealJiraSite, type RealSiteCredentials } from './runtime/real-jira-site';
import { developmentForgeVariables } from './sealing/development-sealing-keys';
import { createDemoSlack, type DemoSlack } from './slack/demo-slack';
import { slackControl } from './slack/slack-control';

/**
 * Everything `npm start` runs, assembled once so that tests drive exactly the same thing: the simulated
 * Jira site (over HTTP on loopback), the personal-data endpoint, the KVS emulator, the Forge platform
 * running the app's real code, and the Jira-like host page with its control API.
 */
export interface LocalSiteOptions {
  rootDir: string;
  /** Host page port; 0 picks a free one (tests). */
  port: number;
  /** Where KVS persists; null keeps it in memory (tests). */
  dataDir: string | null;
  fresh?: boolean;
  seed?: number;
  now?: Date;
  bigProjectIssues?: number;
  /** Product fetches go to this real site instead of the simulation. */
  realSite?: RealSiteCredentials | null;
  /** Call the simulated Jira in process instead of over HTTP (faster for large test runs). */
  inProcessJira?: boolean;
  echoLogs?: boolean;
  /** The app's TypeScript sources or its deployable bundle; by default `FORGE_APP` decides (see LocalPlatform). */
  app?: AppForm;
  /** The installation's licence; by default `FORGE_LICENCE` decides (none: development, where the app runs in full). */
  licence?: ForgeLicence | null;
  /** Each resolver call from an app frame waits this long first, as over a real site's network (see `HostOptions`). */
  invokeLatencyMs?: number;
}

export interface LocalSite {
  hostUrl: string;
  jiraUrl: string;
  platform: LocalPlatform;
  jiraSite: ReturnType<typeof createJiraSite>;
  kvs: KvsEmulator;
  personalData: PersonalDataService;
  /** The simulated GitHub and Slack the app's outbound fetches reach, with their demo tokens. */
  github: DemoGitHub;
  slack: DemoSlack;
  users: HostUser[];
  close(): Promise<void>;
}

const SIMULATED_CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';

export async function startLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const kvsFile = options.dataDir ? path.join(options.dataDir, 'kvs.json') : undefined;
  if (options.fresh && kvsFile) rmSync(kvsFile, { force: true });
  const kvs = new KvsEmulator({ persistFile: kvsFile });

  const jiraSite = createJiraSite({ seed: options.seed, now: options.now, bigProjectIssues: options.bigProjectIssues });
  const jiraServer = await startJiraServer(jiraSite, { port: 0 });
  const personalData = new PersonalDataService();
  // The platform's own requests go to the network as they are, never through the app's egress rules.
  const platformFetch = fetchUnderneath(globalThis.fetch);

  const jira: ProductTarget = options.realSite
    ? new RealJiraSite(options.realSite, platformFetch)
    : options.inProcessJira
      ? new InProcessTarget(jiraSite)
      : new HttpSimulationTarget(jiraServer.url, platformFetch);
  const siteUrl = options.realSite?.site ?? jiraServer.url;

  const platform = new LocalPlatform({
    rootDir: options.rootDir,
    kvs,
    jira,
    personalData: new InProcessTarget(personalData),
    cloudId: SIMULATED_CLOUD_ID,
    siteUrl,
    appAccountId: jiraSite.appAccountId,
    echoLogs: options.echoLogs,
    ...(options.app ? { app: options.app } : {}),
    ...(options.licence !== undefined ? { licence: options.licence } : {}),
    // A fixed development sealing key, so tokens can be connected without setup (never used on Forge).
    environment: developmentForgeVariables(),
  });
  platform.install();
  // Pull requests are drawn from the same demo issues the simulated Jira serves.
  const github = createDemoGitHub(undefined, { pullRequestsFrom: { seed: jiraSite.seed, anchor: jiraSite.anchor } });
  const slack = createDemoSlack();
  platform.simulateExternal('https://api.github.com', github.github);
  platform.simulateExternal('https://slack.com', slack.slack);

  // Edits made on the simulated site reach the app's event trigger, as Jira's events reach Forge.
  const onIssueEvent = (event: { eventType: string; atlassianId?: string } & Record<string, unknown>) => {
    platform.deliverProductEvent(event).catch((error: unknown) => {
      console.error(`issue event ${event.eventType} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  jiraSite.events.on('issue-event', onIssueEvent);

  // GitHub's deliveries go out over HTTP to the address the hook names (the host's own web-trigger route).
  const sendWebhook = async (url: string, delivery: { headers: Record<string, string>; body: string }) =>
    (await platformFetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body })).status;

  const users: HostUser[] = jiraSite.users.map(({ accountId, displayName, role }) => ({ accountId, displayName, role }));
  const host: RunningHost = await startHost(
    {
      rootDir: options.rootDir,
      platform,
      jira,
      users,
      controlServices: [
        { prefix: '/__jira/', service: jiraSite },
        { prefix: '/__atlassian/', service: personalData },
        { prefix: '/__github/', service: githubControl(github, sendWebhook) },
        { prefix: '/__slack/', service: slackControl(slack) },
      ],
      kvs,
      invokeLatencyMs: options.invokeLatencyMs,
    },
    options.port,
  );
  platform.serveWebTriggersAt(`${host.url}/x1`);

  return {
    hostUrl: host.url,
    jiraUrl: jiraServer.url,
    platform,
    jiraSite,
    kvs,
    personalData,
    github,
    slack,
    users,
    async close() {
      jiraSite.events.off('issue-event', onIssueEvent);
      await host.close();
      await jiraServer.close();
      await kvs.flush();
      platform.uninstall();
    },
  };
}
