import type { LocalSite } from './local-site';

/**
 * On a fresh demo site, the admin measures the demo projects, exactly as they would on the settings page
 * (through the real resolver, so the audit log records it and the first syncs are queued). A site whose
 * storage already says which projects are measured is left as it is.
 */
const DEMO_PROJECTS = ['FLOW', 'SPR', 'BUG'];

export async function measureDemoProjects(site: LocalSite): Promise<void> {
  if (site.kvs.listPlain('settings:measured-projects').length > 0) return;
  const admin = site.users.find((user) => user.role === 'admin');
  if (!admin) return;
  for (const projectKey of DEMO_PROJECTS) {
    const answer = (await site.platform.invokeResolver({
      moduleKey: 'flow-metrics-settings',
      functionKey: 'setProjectMeasured',
      payload: { projectKey, measured: true },
      accountId: admin.accountId,
    })) as { ok: boolean; error?: { message: string } };
    if (!answer.ok) throw new Error(`Could not measure ${projectKey}: ${answer.error?.message}`);
  }
  console.log(`  ${admin.displayName} (admin) measures ${DEMO_PROJECTS.join(', ')}; their first syncs run in the background.`);
}
