import { expect } from '@jest/globals';
import path from 'node:path';
import { KvsEmulator } from '../kvs';
import { loadAppManifest } from './app-manifest';
import { FORGE_INVOCATION_LIMITS, InvocationRateLimited } from './invocation-limits';
import { LocalPlatform } from './local-platform';
import { InProcessTarget, type SimulatedService } from './product-target';

/**
 * Forge's limits on running the app, held by the local platform: user-led invocations a minute, a
 * function's time limit (after which nothing it asks is answered), and log lines and bytes.
 */
const rootDir = path.resolve(__dirname, '../..');
const USER = 'member-1';

const slowJira: SimulatedService = {
  async handle() {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ permissions: { BROWSE_PROJECTS: { havePermission: true } } }),
    };
  },
};
const nobody: SimulatedService = { handle: () => ({ status: 204, headers: {}, body: '' }) };

function platformWith(limits: ConstructorParameters<typeof LocalPlatform>[0]['invocationLimits'], now?: () => number) {
  const kvs = new KvsEmulator();
  const platform = new LocalPlatform({
    rootDir,
    kvs,
    jira: new InProcessTarget(slowJira),
    personalData: new InProcessTarget(nobody),
    cloudId: 'cloud-1',
    siteUrl: 'http://jira.local',
    appAccountId: 'app-account',
    invocationLimits: limits,
    ...(now ? { now } : {}),
  });
  return { kvs, platform };
}

const syncState = (platform: LocalPlatform, accountId = USER) =>
  platform.invokeResolver({
    moduleKey: 'flow-metrics-project-page',
    functionKey: 'getSyncState',
    accountId,
    project: { id: '10000', key: 'FLOW' },
  });

describe("Forge's numbers", () => {
  it('are the documented ones by default', () => {
    expect(FORGE_INVOCATION_LIMITS).toMatchObject({
      perUserPerMinute: 1200,
      perInstallationPerMinute: 5000,
      resolverSeconds: 25,
      defaultSeconds: 55,
      maxTimeoutSeconds: 900,
      logLinesPerRuntimeMinute: 100,
      logBytesPerInvocation: 200 * 1024,
    });
  });

  it('give the jobs that loop over every project up to 900 s in manifest.yml, and nothing more than Forge allows', () => {
    const manifest = loadAppManifest(path.join(rootDir, 'manifest.yml'));
    for (const key of ['retention-purge', 'slack-digest', 'personal-data-report', 'sync-job-worker']) {
      expect(manifest.functions.get(key)?.timeoutSeconds).toBe(900);
    }
    for (const fn of manifest.functions.values()) expect(fn.timeoutSeconds ?? 0).toBeLessThanOrEqual(900);
  });
});

describe('user-led invocations', () => {
  it('are refused over the per-user limit of the minute, while other users go on, until the next minute', async () => {
    let clock = Date.UTC(2026, 0, 5, 12, 0, 0);
    const { platform } = platformWith({ perUserPerMinute: 3, perInstallationPerMinute: 5 }, () => clock);
    platform.install();
    try {
      for (let i = 0; i < 3; i++) await expect(syncState(platform)).resolves.toMatchObject({ ok: true });
      await expect(syncState(platform)).rejects.toBeInstanceOf(InvocationRateLimited);
      await expect(syncState(platform, 'member-2')).resolves.toMatchObject({ ok: true });
      await expect(syncState(platform, 'member-3')).resolves.toMatchObject({ ok: true });
      // Five across the installation this minute.
      await expect(syncState(platform, 'member-4')).rejects.toThrow(/on this installation/);
      clock += 60_000;
      await expect(syncState(platform)).resolves.toMatchObject({ ok: true });
    } finally {
      platform.uninstall();
    }
  });
});

describe('time limits', () => {
  it('stop a resolver at its limit: it fails, and nothing it asks afterwards is answered', async () => {
    const { kvs, platform } = platformWith({ resolverSeconds: 0.05 });
    platform.install();
    try {
      await expect(syncState(platform)).rejects.toThrow(/timed out after 0.05s/);
      const requests = kvs.stats().requests;
      // The handler's Jira call answers after 100 ms, past the limit: its KVS read must never reach storage.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(kvs.stats().requests).toBe(requests);
    } finally {
      platform.uninstall();
    }
  });
});

describe('logs', () => {
  it('keep at most the lines a runtime minute allows, and drop the rest as Forge does', async () => {
    const { platform } = platformWith({ logLinesPerRuntimeMinute: 3 });
    platform.install();
    try {
      const { runInvocation } = await import('./invocation');
      await runInvocation({ functionKey: 'chatty', moduleKey: 'chatty', principalAccountId: undefined, timeoutSeconds: 5 }, () => {
        for (let i = 0; i < 5; i++) console.log(`line ${i}`);
        return Promise.resolve();
      });
      expect(platform.logs.all().map((line) => line.message)).toEqual(['line 0', 'line 1', 'line 2']);
      expect(platform.logs.dropped()).toHaveLength(2);
      expect(platform.logs.dropped()[0]).toMatchObject({ functionKey: 'chatty', reason: 'lines-per-minute' });
    } finally {
      platform.uninstall();
    }
  });

  it('keep at most 200 KB of text per invocation', async () => {
    const { platform } = platformWith({});
    platform.install();
    try {
      const { runInvocation } = await import('./invocation');
      await runInvocation({ functionKey: 'verbose', moduleKey: 'verbose', principalAccountId: undefined, timeoutSeconds: 5 }, () => {
        for (let i = 0; i < 3; i++) console.log('x'.repeat(90 * 1024));
        return Promise.resolve();
      });
      expect(platform.logs.all()).toHaveLength(2);
      expect(platform.logs.dropped()).toEqual([expect.objectContaining({ reason: 'bytes-per-invocation' })]);
    } finally {
      platform.uninstall();
    }
  });
});
