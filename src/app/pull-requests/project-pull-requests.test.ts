import { pullRequest } from '../../domain/testing/pull-request-fixture';
import type { HistoryManifest, HistoryStore, SecurityLevelVisibility, UserPermissions } from '../../ports';
import type { PackedShard, StoredIssue } from '../../shared/packed-history';
import type { GitHubConnectionRecord } from '../connections/github-connection';
import { HISTORY_STORAGE_FORMAT } from '../sync/history-manifest';
import { layoutShards } from '../sync/shard-layout';
import { connectionTo, MemoryDocument, MemoryPullRequestStore } from './testing/pull-request-sync-world';
import { projectPullRequests, repositoriesNotCurrent } from './project-pull-requests';
import type { RepositorySyncStatus } from '../../ports';

/**
 * The Pull requests tab and issue security: a pull request's keys are shown only where the viewer may see the
 * issue. BUG-2 is at level 10100, which the viewer may not see; BUG-3 at 10101, which they may; OPS-7 (another
 * project) at any level is hidden from everyone.
 */
const issue = (id: number, key: string, securityLevel?: number): StoredIssue => ({
  id,
  key,
  type: 0,
  created: 0,
  resolved: null,
  initialStatus: 0,
  transitions: [],
  flags: [],
  ...(securityLevel !== undefined ? { securityLevel } : {}),
});

function historyOf(projectKey: string, issues: StoredIssue[], format = HISTORY_STORAGE_FORMAT) {
  const laid = layoutShards(issues, projectKey);
  const shards = new Map(laid.map((s, i) => [`${projectKey}-${i}`, s.shard]));
  const manifest: HistoryManifest = {
    format,
    keyPrefix: projectKey,
    statuses: [{ id: '1', name: 'Open', category: 'new' }],
    issueTypes: ['Bug'],
    shards: laid.map((s, i) => ({
      ref: `${projectKey}-${i}`,
      firstId: s.firstId,
      count: s.count,
      ...(s.levels.length ? { levels: s.levels } : {}),
    })),
    retired: [],
  };
  return { manifest, shards };
}

function world(options: { outdated?: boolean; browsable?: readonly string[] } = {}) {
  const histories = new Map([
    [
      'BUG',
      historyOf(
        'BUG',
        [issue(1, 'BUG-1'), issue(2, 'BUG-2', 10100), issue(3, 'BUG-3', 10101)],
        options.outdated ? 1 : HISTORY_STORAGE_FORMAT,
      ),
    ],
    ['OPS', historyOf('OPS', [issue(7, 'OPS-7', 10200), issue(8, 'OPS-8')])],
    ['FLOW', historyOf('FLOW', [issue(11, 'FLOW-1'), issue(12, 'FLOW-2')])],
    ['HR', historyOf('HR', [issue(42, 'HR-42')])],
  ]);
  const shardsRead: string[] = [];
  const history: Pick<HistoryStore, 'readManifest' | 'readShards'> = {
    readManifest: (projectKey) => Promise.resolve(histories.get(projectKey)?.manifest ?? null),
    readShards: (projectKey, refs) => {
      shardsRead.push(...refs);
      return Promise.resolve(refs.map((ref): PackedShard => histories.get(projectKey)!.shards.get(ref)!));
    },
  };
  const levelsAsked: string[] = [];
  const securityLevels: SecurityLevelVisibility = {
    visibleLevels: (projectKey) => {
      levelsAsked.push(projectKey);
      return Promise.resolve(new Set([10101]));
    },
  };
  const store = new MemoryPullRequestStore();
  const browseAsked: string[] = [];
  const userPermissions: UserPermissions = {
    canBrowseProject: (projectKey) => {
      browseAsked.push(projectKey);
      return Promise.resolve(options.browsable?.includes(projectKey) ?? true);
    },
    isJiraAdministrator: () => Promise.resolve(false),
  };
  const connection = new MemoryDocument<GitHubConnectionRecord>({
    repositories: [{ fullName: 'acme/web', visible: true }],
  } as unknown as GitHubConnectionRecord);
  return { ports: { userPermissions, connection, store, history, securityLevels }, store, levelsAsked, shardsRead, browseAsked };
}

describe('the Pull requests tab and issue security', () => {
  it("takes out the keys the viewer may not see, and pull requests left naming none of the project's items", async () => {
    const { ports, store } = world();
    await store.upsert(
      'acme/web',
      [
        pullRequest({ number: 1, jiraKeys: ['BUG-1', 'BUG-2'] }),
        pullRequest({ number: 2, jiraKeys: ['BUG-2'] }),
        pullRequest({ number: 3, jiraKeys: ['BUG-3', 'OPS-7', 'OPS-8'] }),
        pullRequest({ number: 4, jiraKeys: ['BUG-2', 'OPS-8'] }),
      ],
      0,
    );
    const answer = await projectPullRequests(ports, 'BUG');
    expect(answer.pulls.map((pull) => [pull.number, pull.jiraKeys])).toEqual([
      [1, ['BUG-1']],
      [3, ['BUG-3', 'OPS-8']],
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/BUG-2|OPS-7/);
  });

  it('shows a caller with hidden levels no key the history does not hold yet: it may be under a level they may not see', async () => {
    const { ports, store } = world();
    // BUG-9 was created since the last sync, perhaps under the scheme's default level.
    await store.upsert(
      'acme/web',
      [pullRequest({ number: 1, jiraKeys: ['BUG-1', 'BUG-9'] }), pullRequest({ number: 2, jiraKeys: ['BUG-9'] })],
      0,
    );
    const answer = await projectPullRequests(ports, 'BUG');
    expect(answer.pulls.map((pull) => [pull.number, pull.jiraKeys])).toEqual([[1, ['BUG-1']]]);
    expect(JSON.stringify(answer)).not.toContain('BUG-9');
  });

  it('asks Jira nothing and reads no shard when no project named has a secured issue', async () => {
    const { ports, store, levelsAsked, shardsRead } = world();
    await store.upsert('acme/web', [pullRequest({ number: 1, jiraKeys: ['FLOW-1', 'FLOW-3'] })], 0);
    const answer = await projectPullRequests(ports, 'FLOW');
    expect(answer.pulls.map((pull) => pull.jiraKeys)).toEqual([['FLOW-1', 'FLOW-3']]);
    expect(levelsAsked).toEqual([]);
    expect(shardsRead).toEqual([]);
  });

  it('names none of a project whose history does not say which issues are secured (an older format)', async () => {
    const { ports, store } = world({ outdated: true });
    await store.upsert('acme/web', [pullRequest({ number: 1, jiraKeys: ['BUG-1', 'OPS-8'] })], 0);
    expect((await projectPullRequests(ports, 'BUG')).pulls).toEqual([]);
    expect((await projectPullRequests(ports, 'OPS')).pulls.map((pull) => pull.jiraKeys)).toEqual([['OPS-8']]);
  });

  it('names no key of a project without a stored history: the app cannot say which of its issues are secured', async () => {
    const { ports, store } = world();
    // SEC was never measured (or its history was purged); its keys, and the page's own when it has none, are unknown.
    await store.upsert(
      'acme/web',
      [pullRequest({ number: 1, jiraKeys: ['BUG-1', 'SEC-4'] }), pullRequest({ number: 2, jiraKeys: ['SEC-5'] })],
      0,
    );
    expect((await projectPullRequests(ports, 'BUG')).pulls.map((pull) => pull.jiraKeys)).toEqual([['BUG-1']]);
    expect((await projectPullRequests(ports, 'SEC')).pulls).toEqual([]);
  });

  it('names no key of another project the viewer may not browse, asking Jira once per project', async () => {
    const { ports, store, browseAsked } = world({ browsable: ['BUG'] });
    await store.upsert(
      'acme/web',
      [
        pullRequest({ number: 1, jiraKeys: ['BUG-1', 'HR-42'] }),
        pullRequest({ number: 2, jiraKeys: ['BUG-3', 'HR-42', 'OPS-8'] }),
        pullRequest({ number: 3, jiraKeys: ['BUG-1'] }),
      ],
      0,
    );
    const answer = await projectPullRequests(ports, 'BUG');
    expect(answer.pulls.map((pull) => [pull.number, pull.jiraKeys])).toEqual([
      [1, ['BUG-1']],
      [2, ['BUG-3']],
      [3, ['BUG-1']],
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/HR-42|OPS-8/);
    expect(browseAsked.filter((project) => project !== 'BUG').sort()).toEqual(['HR', 'OPS']);
  });
});

describe('repositoriesNotCurrent', () => {
  it('names the watched repositories whose reading is failing, stopped or gone, whose pull requests are as last read', async () => {
    const store = new MemoryPullRequestStore();
    const statuses: Record<string, RepositorySyncStatus> = {
      'acme/ok': 'ok',
      'acme/first': 'never',
      'acme/waiting': 'rate-limited',
      'acme/failing': 'failing',
      'acme/stopped': 'stopped',
      'acme/gone': 'not-found',
    };
    for (const [repository, status] of Object.entries(statuses)) {
      await store.writeState(repository, {
        format: 1,
        watermark: null,
        pass: null,
        status,
        stoppedFor: null,
        resumeAt: null,
        lastRunAt: null,
        lastCompletedAt: null,
      });
    }
    const record = connectionTo([...Object.keys(statuses), 'acme/never-read']);
    await expect(repositoriesNotCurrent(store, record)).resolves.toEqual(new Set(['acme/failing', 'acme/stopped', 'acme/gone']));
  });
});
