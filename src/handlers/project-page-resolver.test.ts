import { SyncHarness } from '../../dev/testing/local-sync-harness';
import type { ProjectPageData, ProjectViewData } from '../shared/resolver-contract';

/**
 * The project page resolver on the local platform and the real SDKs: whether the page's project is measured,
 * and, for one nobody enabled, whether the viewer is the Jira admin who could enable it. FLOW is measured,
 * SPR is not; the outsider may not browse BUG.
 */
const harness = new SyncHarness();
/** The permissions each call asked Jira about, in order (`mypermissions?…&permissions=…`). */
let permissionsAsked: string[] = [];

beforeAll(async () => {
  await harness.measure('FLOW');
  harness.beforeAppRequest = ({ path }) => {
    const url = new URL(path, 'http://jira.invalid');
    if (url.pathname === '/rest/api/3/mypermissions') permissionsAsked.push(url.searchParams.get('permissions') ?? '');
    return Promise.resolve();
  };
});
afterAll(() => harness.close());
beforeEach(() => {
  permissionsAsked = [];
});

const page = (projectKey: string, role: 'admin' | 'member' | 'outsider') =>
  harness.invoke<ProjectPageData>('getProjectPage', projectKey, harness.user(role));
const view = (projectKey: string, role: 'admin' | 'member' | 'outsider') =>
  harness.invoke<ProjectViewData>('getProjectView', projectKey, harness.user(role));

describe('getProjectPage', () => {
  it('says a measured project is measured, without asking Jira who administers it', async () => {
    for (const role of ['member', 'admin'] as const) {
      await expect(page('FLOW', role)).resolves.toMatchObject({
        ok: true,
        data: { project: { key: 'FLOW' }, sync: { status: 'never-synced' }, measured: true, viewerIsJiraAdministrator: null },
      });
    }
    expect(permissionsAsked).toEqual(['BROWSE_PROJECTS', 'BROWSE_PROJECTS']);
  });

  it('says a project nobody enabled is not measured, and whether the viewer is a Jira admin who could enable it', async () => {
    await expect(page('SPR', 'member')).resolves.toMatchObject({
      ok: true,
      data: { project: { key: 'SPR' }, measured: false, viewerIsJiraAdministrator: false },
    });
    await expect(page('SPR', 'admin')).resolves.toMatchObject({
      ok: true,
      data: { project: { key: 'SPR' }, measured: false, viewerIsJiraAdministrator: true },
    });
    expect(permissionsAsked).toEqual(['BROWSE_PROJECTS', 'ADMINISTER', 'BROWSE_PROJECTS', 'ADMINISTER']);
  });

  it('follows the settings: a project enabled later is measured on the next load', async () => {
    await harness.measure('FLOW', 'SPR');
    try {
      await expect(page('SPR', 'member')).resolves.toMatchObject({ ok: true, data: { measured: true, viewerIsJiraAdministrator: null } });
    } finally {
      await harness.measure('FLOW');
    }
  });

  it('tells an outsider nothing: not the project, not whether it is measured, and asks Jira nothing more', async () => {
    await expect(page('BUG', 'outsider')).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You do not have permission to browse this project.' },
    });
    expect(permissionsAsked).toEqual(['BROWSE_PROJECTS']);
  });
});

describe('getProjectView', () => {
  it('says whether the project is measured', async () => {
    await expect(view('FLOW', 'member')).resolves.toMatchObject({ ok: true, data: { projectKey: 'FLOW', measured: true } });
    await expect(view('SPR', 'member')).resolves.toMatchObject({ ok: true, data: { projectKey: 'SPR', measured: false, history: null } });
  });

  it('tells an outsider nothing', async () => {
    await expect(view('BUG', 'outsider')).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You do not have permission to browse this project.' },
    });
  });
});
