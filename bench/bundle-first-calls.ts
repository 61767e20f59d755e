/**
 * The first calls of the backend bundle in this fresh process (see bundle.bench.ts): the simulated Jira site
 * and the local platform are set up and the bundle loaded first (its load is timed in a plain Node process,
 * since this one runs through tsx), then the clock runs over the first resolver call and the first trigger
 * run. Prints one line of JSON.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { createJiraSite } from '../dev/jira/jira-site';
import { KvsEmulator } from '../dev/kvs';
import { LocalPlatform } from '../dev/runtime/local-platform';
import { InProcessTarget } from '../dev/runtime/product-target';

async function main(): Promise<void> {
  const site = createJiraSite();
  const kvs = new KvsEmulator();
  const platform = new LocalPlatform({
    rootDir: path.resolve(__dirname, '..'),
    app: 'bundle',
    kvs,
    jira: new InProcessTarget(site),
    personalData: new InProcessTarget({ handle: () => ({ status: 204, headers: {}, body: '' }) }),
    cloudId: 'bench',
    siteUrl: site.siteUrl,
    appAccountId: site.appAccountId,
  });
  platform.install();
  await kvs.fetch('/api/v1/set', { method: 'POST', body: JSON.stringify({ key: 'settings:measured-projects', value: ['FLOW'] }) });
  const member = site.users.find((user) => user.role === 'member')!;

  platform.handler('project-page-resolver');
  const loaded = performance.now();
  const answer = (await platform.invokeResolver({
    moduleKey: 'flow-metrics-project-page',
    functionKey: 'getProjectPage',
    accountId: member.accountId,
    project: { id: '10000', key: 'FLOW' },
  })) as { ok: boolean };
  const resolved = performance.now();
  await platform.runScheduledTrigger('hourly-incremental-sync');
  const triggered = performance.now();
  if (!answer.ok) throw new Error(`getProjectPage failed: ${JSON.stringify(answer)}`);
  platform.uninstall();
  console.log(JSON.stringify({ firstResolverMs: resolved - loaded, firstTriggerMs: triggered - resolved }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
