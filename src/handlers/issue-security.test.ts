import { SyncHarness } from '../../dev/testing/local-sync-harness';
import { decodeShard, encodeShard } from '../adapters/kvs/shard-encoding';
import { packShard, unpackShard } from '../shared/packed-history';
import { type CompactHistory, facetValuesAt, issueAt, issueCount } from '../domain';
import type { ProjectViewData } from '../shared/resolver-contract';
import { HISTORY_STORAGE_FORMAT } from '../app/sync/history-manifest';

/**
 * Jira issue security through the real project page resolver, on the local platform and the simulated site:
 * BUG uses an issue security scheme, and a few of its bugs are at the "Security team" level, which admits the
 * admin and not the member (who may browse BUG). The member must get nothing of those bugs: not their keys,
 * their timelines or their Flagged periods, and no figure computed from them.
 */
const harness = new SyncHarness();
/** Every request the app made to Jira, as `method path`. */
let asked: string[] = [];

type SecuredIssue = { id: string; key: string };

/** BUG's secured issues, as the app (which sees every level) finds them. */
async function securedIssues(): Promise<SecuredIssue[]> {
  const found: SecuredIssue[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await harness.jira<{
      issues: Array<{ id: string; key: string; fields: { security: { id: string } | null } }>;
      nextPageToken?: string;
    }>('POST', '/rest/api/3/search/jql', {
      jql: 'project = BUG',
      fields: ['security'],
      maxResults: 100,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    found.push(...page.body.issues.filter((issue) => issue.fields.security !== null).map(({ id, key }) => ({ id, key })));
    nextPageToken = page.body.nextPageToken;
  } while (nextPageToken);
  return found;
}

const keysOf = (history: CompactHistory | null) => new Set(history ? history.key : []);
const securityLevelRequests = () => asked.filter((line) => line.includes('/securitylevel'));

let secured: SecuredIssue[] = [];

beforeAll(async () => {
  await harness.measure('FLOW', 'BUG');
  await harness.runScheduledSync();
  secured = await securedIssues();
  harness.beforeAppRequest = ({ method, path }) => {
    asked.push(`${method} ${path}`);
    return Promise.resolve();
  };
}, 120_000);
afterAll(() => harness.close());
beforeEach(() => {
  asked = [];
});

describe('Jira failing to say which levels a viewer may see', () => {
  // First in the file: no viewer's answer is remembered yet, so Jira is asked.
  it('shows them no secured issue: an error, a refusal or an unreadable answer fails closed', async () => {
    for (const chaos of [{ rate5xx: 1 }, { rate429: 1 }, { malformedJsonRate: 1 }]) {
      await harness.chaos({ ...chaos, endpoints: ['GET /rest/api/3/project/{projectIdOrKey}/securitylevel'] });
      try {
        const view = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('member'));
        if (view.ok) for (const { key } of secured) expect(JSON.stringify(view.data)).not.toContain(`"${key}"`);
        expect(view.ok).toBe(false);
      } finally {
        await harness.chaos(null);
      }
    }
    // Nothing of the failures was remembered: the next answer is Jira's.
    const member = await harness.viewedHistory('BUG', harness.user('member'));
    for (const { key } of secured) expect(keysOf(member.history).has(key)).toBe(false);
    expect(member.history!.key.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('the project view of a project with secured issues', () => {
  it('has secured bugs to hide (the demo data)', () => {
    expect(secured.length).toBeGreaterThanOrEqual(5);
  });

  it('answers the member none of a secured bug: no key, no id, no timeline, no Flagged period; the admin gets them all', async () => {
    const admin = await harness.viewedHistory('BUG', harness.user('admin'));
    const member = await harness.viewedHistory('BUG', harness.user('member'));
    const adminKeys = keysOf(admin.history);
    const memberKeys = keysOf(member.history);
    for (const { key } of secured) {
      expect(adminKeys.has(key)).toBe(true);
      expect(memberKeys.has(key)).toBe(false);
    }
    expect(issueCount(member.history!)).toBe(issueCount(admin.history!) - secured.length);
    expect(member.view.history!.issueCount).toBe(issueCount(member.history!));
    expect(admin.view.history!.issueCount).toBe(issueCount(admin.history!));
    // Nothing of theirs anywhere in what the member was sent (the raw answer, before decoding, included).
    const memberIds = new Set(member.history!.issueId);
    for (const { id } of secured) expect(memberIds.has(id)).toBe(false);
    // Everything else is the member's, exactly as the admin has it: timelines and Flagged periods.
    const securedKeys = new Set(secured.map((issue) => issue.key));
    const adminOthers = Array.from({ length: issueCount(admin.history!) }, (_, i) => issueAt(admin.history!, i)).filter(
      (issue) => !securedKeys.has(issue.key),
    );
    const memberAll = Array.from({ length: issueCount(member.history!) }, (_, i) => issueAt(member.history!, i));
    expect(memberAll).toEqual(adminOthers);
    expect(adminOthers.length + secured.length).toBe(issueCount(admin.history!));
  });

  it('gives the member a version of their own, never taken for the full history or patched from it', async () => {
    const admin = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('admin'));
    const member = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('member'));
    if (!admin.ok || !member.ok) throw new Error('the views were refused');
    const adminVersion = admin.data.history!.version;
    const memberVersion = member.data.history!.version;
    expect(memberVersion).not.toBe(adminVersion);
    // A member holding the admin's version (a shared browser cache, a copied request) gets the filtered whole.
    const adminHeld = (await harness.viewedHistorySince('BUG', null, harness.user('admin'))).held;
    expect(adminHeld!.version).toBe(adminVersion);
    const fromAdmins = await harness.viewedHistorySince('BUG', adminHeld, harness.user('member'));
    expect(fromAdmins.view.history!.basedOn).toBeNull();
    expect(fromAdmins.view.history!.version).toBe(memberVersion);
    for (const { key } of secured) expect(keysOf(fromAdmins.history).has(key)).toBe(false);
    // Holding their own current version, nothing to send.
    const again = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('member'), { since: memberVersion });
    if (!again.ok) throw new Error('refused');
    expect(again.data.history).toMatchObject({ basedOn: memberVersion, shards: [], edits: [] });
    // The admin holding the member's version is sent everything, not "nothing changed".
    const adminFromMembers = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('admin'), {
      since: memberVersion,
    });
    if (!adminFromMembers.ok) throw new Error('refused');
    expect(adminFromMembers.data.history!.basedOn).toBeNull();
    expect(adminFromMembers.data.history!.shards.length).toBeGreaterThan(0);
  });

  it('asks Jira which levels each viewer may see, as that viewer, once per viewer for a few minutes', async () => {
    await harness.viewedHistory('BUG', harness.user('member'));
    await harness.viewedHistory('BUG', harness.user('admin'));
    // Each viewer was asked at most once (earlier tests may already have asked)...
    expect(securityLevelRequests().length).toBeLessThanOrEqual(2);
    asked = [];
    // ...and within the next minutes, not again, however many parts of the history they load.
    const member = await harness.viewedHistory('BUG', harness.user('member'));
    const admin = await harness.viewedHistory('BUG', harness.user('admin'));
    expect(securityLevelRequests()).toEqual([]);
    // One viewer's answer never served the other.
    for (const { key } of secured) {
      expect(keysOf(admin.history).has(key)).toBe(true);
      expect(keysOf(member.history).has(key)).toBe(false);
    }
  });

  it('costs a project with no secured issue nothing more: Jira is not asked about levels', async () => {
    await harness.viewedHistory('FLOW', harness.user('member'));
    expect(securityLevelRequests()).toEqual([]);
  });
});

describe('a change of level alone', () => {
  it('is picked up by the incremental sync: a bug secured in Jira leaves the member view at the next sync', async () => {
    const member = await harness.viewedHistory('BUG', harness.user('member'));
    const securedKeys = new Set(secured.map((issue) => issue.key));
    const open = member.history!.key.find((key) => !securedKeys.has(key))!;
    const edit = await harness.jira(
      'PUT',
      `/rest/api/3/issue/${open}`,
      { fields: { security: { id: '10100' } } },
      `user:${harness.user('admin')}`,
    );
    expect(edit.status).toBe(204);
    await harness.runScheduledSync();
    const after = await harness.viewedHistory('BUG', harness.user('member'));
    expect(keysOf(after.history).has(open)).toBe(false);
    const admin = await harness.viewedHistory('BUG', harness.user('admin'));
    expect(keysOf(admin.history).has(open)).toBe(true);
    // And back: the level cleared, the bug is the member's to see again.
    await harness.jira('PUT', `/rest/api/3/issue/${open}`, { fields: { security: null } }, `user:${harness.user('admin')}`);
    await harness.runScheduledSync();
    expect(keysOf((await harness.viewedHistory('BUG', harness.user('member'))).history).has(open)).toBe(true);
  }, 60_000);
});

describe('the issue-updated event', () => {
  it('applies a change of level alone at once, before any sync', async () => {
    const member = await harness.viewedHistory('BUG', harness.user('member'));
    const securedKeys = new Set(secured.map((issue) => issue.key));
    const open = member.history!.key.find((key) => !securedKeys.has(key))!;
    const edit = await harness.jira(
      'PUT',
      `/rest/api/3/issue/${open}`,
      { fields: { security: { id: '10100' } } },
      `user:${harness.user('admin')}`,
    );
    expect(edit.status).toBe(204);
    const row = (await harness.jira<Array<{ id: string; key: string }>>('GET', `/__jira/export?project=BUG&maxResults=2000`)).body.find(
      (issue) => issue.key === open,
    )!;
    const lines = harness.platform.logs.all().length;
    await harness.platform.deliverProductEvent({
      eventType: 'avi:jira:updated:issue',
      atlassianId: harness.user('admin'),
      issue: { id: row.id, key: open, fields: { project: { key: 'BUG' } } },
      changelog: { items: [{ field: 'security', fieldId: 'security' }] },
    });
    expect(
      harness.platform.logs
        .all()
        .slice(lines)
        .map((entry) => entry.message),
    ).toContain('[issue-changed] avi:jira:updated:issue in BUG: applied');
    expect(keysOf((await harness.viewedHistory('BUG', harness.user('member'))).history).has(open)).toBe(false);
    await harness.jira('PUT', `/rest/api/3/issue/${open}`, { fields: { security: null } }, `user:${harness.user('admin')}`);
    await harness.runScheduledSync();
  }, 60_000);
});

describe('the facets a viewer is sent', () => {
  it('are those of the issues they may see: no name only a secured bug is filed under, no secured parent', async () => {
    const manifest = harness.snapshot()['project:BUG:history'] as { keyPrefix: string; shards: Array<{ ref: string }> };
    const shardKey = `project:BUG:shard:${manifest.shards[0]!.ref}`;
    const original = harness.snapshot()[shardKey];
    // The demo bugs have no parents and share their labels: the stored history is given some of its own, so
    // that one open bug is filed under a secured bug, another under an open one, and a secured bug alone
    // carries a label and a component.
    const securedKeys = new Set(secured.map((issue) => issue.key));
    const issues = unpackShard(decodeShard(original), manifest.keyPrefix);
    const secret = issues.find((issue) => securedKeys.has(issue.key))!;
    const [underSecret, underOpen, parentOpen] = issues.filter((issue) => !securedKeys.has(issue.key));
    const filed = issues.map((issue) => {
      const facets = { resolution: null, labels: [], components: [], parent: null, ...issue.facets };
      if (issue === secret) return { ...issue, facets: { ...facets, labels: ['incident-4711'], components: ['Vault'] } };
      if (issue === underSecret) return { ...issue, facets: { ...facets, parent: secret.key } };
      if (issue === underOpen) return { ...issue, facets: { ...facets, parent: parentOpen!.key } };
      return issue;
    });
    await harness.setValue(shardKey, encodeShard(packShard(filed, manifest.keyPrefix)));
    try {
      const facetsOf = (history: CompactHistory, key: string) => facetValuesAt(history.facets!, history.key.indexOf(key));
      const admin = (await harness.viewedHistory('BUG', harness.user('admin'))).history!;
      expect(facetsOf(admin, underSecret!.key).parent).toBe(secret.key);
      expect(admin.facets!.labels).toContain('incident-4711');

      const member = (await harness.viewedHistory('BUG', harness.user('member'))).history!;
      expect(member.facets!.labels).not.toContain('incident-4711');
      expect(member.facets!.components).not.toContain('Vault');
      expect(member.facets!.parent).not.toContain(secret.key);
      expect(facetsOf(member, underSecret!.key).parent).toBeNull();
      expect(facetsOf(member, underOpen!.key).parent).toBe(parentOpen!.key);
      // Every other facet of the member's issues is the admin's.
      for (const key of member.key) {
        if (key === underSecret!.key) continue;
        expect(facetsOf(member, key)).toEqual(facetsOf(admin, key));
      }
    } finally {
      await harness.setValue(shardKey, original);
    }
  });
});

describe('a history stored before levels were kept, or before facets were', () => {
  it.each([1, 2])(
    '(format %i) is served to no one until the next sync has rebuilt it with its levels',
    async (older) => {
      const key = 'project:BUG:history';
      const stored = harness.snapshot()[key] as { format: number };
      await harness.setValue(key, { ...stored, format: older });
      for (const role of ['member', 'admin'] as const) {
        const answer = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user(role));
        expect(answer).toMatchObject({ ok: true, data: { measured: true, history: null } });
      }
      await harness.runScheduledSync();
      const member = await harness.viewedHistory('BUG', harness.user('member'));
      expect(member.history).not.toBeNull();
      for (const { key: secret } of secured) expect(keysOf(member.history).has(secret)).toBe(false);
      expect((harness.snapshot()[key] as { format: number }).format).toBe(HISTORY_STORAGE_FORMAT);
    },
    120_000,
  );
});

describe('the edits a returning viewer is sent', () => {
  it('never carry a secured issue that has since left the history, to a viewer who may not see its level', async () => {
    const admin = `user:${harness.user('admin')}`;
    // BUG without any secured issue: the member holds the full history, under its own version.
    for (const { key } of await securedIssues())
      await harness.jira('PUT', `/rest/api/3/issue/${key}`, { fields: { security: null } }, admin);
    await harness.runScheduledSync();
    const first = await harness.viewedHistorySince('BUG', null, harness.user('member'));
    const held = first.held!;
    const open = first.history!.key[0]!;
    const openId = String(first.history!.issueId[0]!);
    // Secured at the "Security team" level (the member is not in it), synced, then deleted in Jira.
    expect((await harness.jira('PUT', `/rest/api/3/issue/${open}`, { fields: { security: { id: '10100' } } }, admin)).status).toBe(204);
    await harness.runScheduledSync();
    expect((await harness.jira('DELETE', `/rest/api/3/issue/${open}`, undefined, admin)).status).toBe(204);
    await harness.platform.deliverProductEvent({
      eventType: 'avi:jira:deleted:issue',
      atlassianId: harness.user('admin'),
      issue: { id: openId, key: open, fields: { project: { key: 'BUG' } } },
    });
    expect(keysOf((await harness.viewedHistory('BUG', harness.user('admin'))).history).has(open)).toBe(false);
    // The member comes back with the version they hold: nothing of the secured issue may be in the answer.
    const answer = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('member'), { since: held.version });
    if (!answer.ok) throw new Error('refused');
    const sent = answer.data.history!.edits.flatMap((edit) => unpackShard(decodeShard(edit.upserts), 'BUG'));
    expect(sent.map((issue) => issue.key)).not.toContain(open);
    expect(sent.filter((issue) => issue.securityLevel !== undefined)).toEqual([]);
    // And what they end with is the history as it is.
    const after = await harness.viewedHistorySince('BUG', held, harness.user('member'));
    expect(keysOf(after.history).has(open)).toBe(false);
  }, 120_000);
});
