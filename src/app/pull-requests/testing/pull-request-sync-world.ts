/**
 * The pull-request sync's ports in memory, around a simulated GitHub reached through the real GraphQL adapter
 * (Octokit on the global fetch, which a stand-in routes to the simulation): for the use-case's tests and the
 * `bench:github` benchmark. Counts every request GitHub answers.
 */
import type { SimulatedGitHub } from '../../../../dev/github/simulated-github';
import { toResponse } from '../../../../dev/runtime/product-target';
import { GitHubGraphqlPullRequests } from '../../../adapters/github/github-graphql-pull-requests';
import { type PullRequestFacts } from '../../../domain';
import type { AuditLog, PullRequestStore, RepositorySyncState, SecretVault, StoredDocument } from '../../../ports';
import type { AuditEntry, ProjectSummary } from '../../../shared/resolver-contract';
import type { GitHubConnectionRecord } from '../../connections/github-connection';
import type { PullRequestSyncPorts } from '../pull-request-sync';

export class MemoryDocument<T> implements StoredDocument<T> {
  constructor(public value: T | null = null) {}
  read() {
    return Promise.resolve(this.value === null ? null : structuredClone(this.value));
  }
  write(value: T) {
    this.value = structuredClone(value);
    return Promise.resolve();
  }
  remove() {
    this.value = null;
    return Promise.resolve();
  }
}

export class MemoryPullRequestStore implements PullRequestStore {
  readonly pulls = new Map<string, Map<number, PullRequestFacts>>();
  readonly states = new Map<string, RepositorySyncState>();
  writes = 0;
  /** Fails the upsert after this many more succeed (a crash mid-sync); null: never. */
  failAfter: number | null = null;

  readAll(repository: string) {
    return Promise.resolve([...(this.pulls.get(repository)?.values() ?? [])].sort((a, b) => a.number - b.number));
  }
  upsert(repository: string, pulls: readonly PullRequestFacts[], keepClosedSince: number) {
    if (this.failAfter !== null && this.failAfter-- <= 0) return Promise.reject(new Error('storage failed mid-sync'));
    this.writes += 1;
    const stored = this.pulls.get(repository) ?? new Map<number, PullRequestFacts>();
    for (const pull of pulls) stored.set(pull.number, structuredClone(pull));
    for (const [number, pull] of stored) if (pull.closedAt !== null && pull.closedAt < keepClosedSince) stored.delete(number);
    this.pulls.set(repository, stored);
    return Promise.resolve();
  }
  readState(repository: string) {
    const state = this.states.get(repository);
    return Promise.resolve(state ? structuredClone(state) : null);
  }
  writeState(repository: string, state: RepositorySyncState) {
    this.states.set(repository, structuredClone(state));
    return Promise.resolve();
  }
  purgeClosedBefore(repository: string, closedBefore: number) {
    let removed = 0;
    for (const [number, pull] of this.pulls.get(repository) ?? []) {
      if (pull.closedAt !== null && pull.closedAt < closedBefore) removed += Number(this.pulls.get(repository)!.delete(number));
    }
    return Promise.resolve(removed);
  }
  eraseRepository(repository: string) {
    const erased = (this.pulls.get(repository)?.size ?? 0) + Number(this.states.has(repository));
    this.pulls.delete(repository);
    this.states.delete(repository);
    return Promise.resolve(erased);
  }
  async eraseAll() {
    let erased = 0;
    for (const repository of new Set([...this.pulls.keys(), ...this.states.keys()])) erased += await this.eraseRepository(repository);
    return erased;
  }
}

class MemoryAuditLog implements Pick<AuditLog, 'append'> {
  readonly entries: AuditEntry[] = [];
  append(entry: AuditEntry) {
    this.entries.push(entry);
    return Promise.resolve({ removed: 0, formerActors: [] });
  }
}

export interface PullRequestSyncWorld {
  ports: PullRequestSyncPorts;
  store: MemoryPullRequestStore;
  connection: MemoryDocument<GitHubConnectionRecord>;
  audit: MemoryAuditLog;
  clock: { now: () => Date; set(at: Date): void };
  /** Pages the job has time for; tests lower it to cut a job short. */
  budget: { pages: number };
  token: { value: string | null };
  /** Requests that reached GitHub. */
  requests: () => number;
  restoreFetch: () => void;
}

export function connectionTo(repositories: readonly string[], connectedAt = '2026-03-01T08:00:00.000Z'): GitHubConnectionRecord {
  return {
    login: 'flow-metrics-reader',
    tokenKind: 'fine-grained',
    scopes: null,
    expiresAt: null,
    repositories: repositories.map((fullName) => ({ fullName, visible: true, private: true, archived: false, defaultBranch: 'main' })),
    connectedBy: 'admin-account',
    connectedAt,
    lastCheck: { at: connectedAt, outcome: 'ok', problem: null },
  };
}

export function pullRequestSyncWorld(
  github: SimulatedGitHub,
  options: {
    token: string;
    repositories: readonly string[];
    projectKeys: readonly string[];
    now: Date;
    pageSize?: number;
    retentionDays?: number;
  },
): PullRequestSyncWorld {
  let now = options.now;
  let requests = 0;
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    requests += 1;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return toResponse(
      await github.handle({
        method: init?.method ?? 'GET',
        path: url.pathname + url.search,
        headers,
        body: typeof init?.body === 'string' ? init.body : '',
      }),
    );
  };

  const store = new MemoryPullRequestStore();
  const connection = new MemoryDocument(connectionTo(options.repositories));
  const audit = new MemoryAuditLog();
  const budget = { pages: Number.POSITIVE_INFINITY };
  const token = { value: options.token as string | null };
  const projects: ProjectSummary[] = options.projectKeys.map((key, index) => ({ id: String(10_000 + index), key, name: key }));
  const vault: Pick<SecretVault, 'open'> = { open: () => Promise.resolve(token.value) };
  const clock = { now: () => now, set: (at: Date) => void (now = at) };
  const ports: PullRequestSyncPorts = {
    github: new GitHubGraphqlPullRequests(() => now.getTime(), options.pageSize),
    vault: vault as SecretVault,
    connection,
    store,
    projects: {
      listProjects: () => Promise.resolve(projects),
      findProject: () => Promise.resolve(null),
      projectTypes: () => Promise.resolve(new Map()),
    },
    retention: new MemoryDocument({ retentionDays: options.retentionDays ?? 730 }),
    generatedPaths: new MemoryDocument<{ patterns: string[] }>(null),
    auditLog: audit as unknown as AuditLog,
    clock,
    budget: { remainingMs: () => (budget.pages-- > 0 ? 60_000 : 0) },
  };
  return {
    ports,
    store,
    connection,
    audit,
    clock,
    budget,
    token,
    requests: () => requests,
    restoreFetch: () => void (globalThis.fetch = originalFetch),
  };
}
