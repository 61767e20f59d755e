import path from 'node:path';
import { loadAppManifest } from '../runtime/app-manifest';
import { adminPagePathsByModule } from './admin-pages';
import { NavigationRefused, resolveNavigation } from './navigation';

/** Where `router.open` / `router.navigate` may send the person, as the host decides it. */
const SITE = 'http://localhost:8080';
const modulePages = adminPagePathsByModule(loadAppManifest(path.resolve(__dirname, '../../manifest.yml')));
const resolve = (payload: unknown) => resolveNavigation(payload, [SITE], modulePages);
const refusal = (payload: unknown) => {
  try {
    resolve(payload);
  } catch (error) {
    if (error instanceof NavigationRefused) return error.message;
    throw error;
  }
  throw new Error(`${JSON.stringify(payload)} was not refused`);
};

describe('resolving a location the app asked for', () => {
  it('resolves a Jira path against the site, keeping its query and fragment', () => {
    expect(resolve({ url: '/browse/FLOW-7', type: 'new-tab' })).toEqual({ type: 'new-tab', url: `${SITE}/browse/FLOW-7` });
    expect(resolve({ url: '/issues/?jql=project%3DFLOW#top', type: 'same-tab' })).toEqual({
      type: 'same-tab',
      url: `${SITE}/issues/?jql=project%3DFLOW#top`,
    });
  });

  it('takes an absolute URL on an allowed origin as it is', () => {
    expect(resolve({ url: `${SITE}/projects/SPR/flow-metrics`, type: 'same-tab' }).url).toBe(`${SITE}/projects/SPR/flow-metrics`);
    expect(resolveNavigation({ url: 'http://127.0.0.1:8080/browse/BUG-3', type: 'new-tab' }, [SITE, 'http://127.0.0.1:8080']).url).toBe(
      'http://127.0.0.1:8080/browse/BUG-3',
    );
  });

  it("turns Forge's issue target into the issue's page", () => {
    expect(resolve({ target: 'issue', issueKey: 'FLOW-12', type: 'new-tab' })).toEqual({ type: 'new-tab', url: `${SITE}/browse/FLOW-12` });
  });

  it("turns Forge's module target for the app's admin page into the settings page", () => {
    expect(resolve({ target: 'module', moduleKey: 'flow-metrics-settings', type: 'same-tab' })).toEqual({
      type: 'same-tab',
      url: `${SITE}/settings/flow-metrics`,
    });
    expect(resolve({ target: 'module', moduleKey: 'flow-metrics-configure', type: 'same-tab' }).url).toBe(
      `${SITE}/settings/apps/configure/flow-metrics`,
    );
    expect(refusal({ target: 'module', moduleKey: 'someone-elses-page', type: 'same-tab' })).toMatch(/no page module "someone-elses-page"/);
  });

  it('refuses anything off the allow-list, however it is written', () => {
    expect(refusal({ url: 'https://elsewhere.example/browse/FLOW-7', type: 'new-tab' })).toMatch(
      /https:\/\/elsewhere\.example is not allowed/,
    );
    expect(refusal({ url: '//elsewhere.example/browse/FLOW-7', type: 'new-tab' })).toMatch(/http:\/\/elsewhere\.example is not allowed/);
    expect(refusal({ url: 'http://localhost:8081/browse/FLOW-7', type: 'same-tab' })).toMatch(/localhost:8081 is not allowed/);
    expect(refusal({ url: 'javascript:alert(1)', type: 'same-tab' })).toMatch(/javascript:alert\(1\) is not allowed/);
    expect(refusal({ url: 'data:text/html,<p>hi</p>', type: 'new-tab' })).toMatch(/not allowed/);
  });

  it('refuses locations it cannot make sense of, with a reason', () => {
    expect(refusal(null)).toMatch(/needs a location/);
    expect(refusal({ url: '/browse/FLOW-7' })).toMatch(/Unknown navigation type/);
    expect(refusal({ url: '  ', type: 'new-tab' })).toMatch(/empty location/);
    expect(refusal({ url: 'http://[not-an-address/', type: 'new-tab' })).toMatch(/not a URL/);
    expect(refusal({ target: 'issue', issueKey: 'flow 7', type: 'new-tab' })).toMatch(/not an issue key/);
    expect(refusal({ target: 'dashboard', dashboardId: '1', type: 'new-tab' })).toMatch(/no page for the navigation target "dashboard"/);
  });
});
