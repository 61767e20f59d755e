import { MS_PER_DAY } from '../../domain';
import type { Clock, GitHubAccount, PullRequestStore, RepositorySyncState, SecretVault, StoredDocument } from '../../ports';
import { githubTokenKind } from '../../shared/connection-formats';
import type {
  ConnectGitHubPayload,
  GitHubConnectionData,
  GitHubConnectionDetails,
  GitHubRepositoryAccess,
  GitHubRepositorySync,
  GitHubWebhookSecretCreated,
  GitHubWebhookStatus,
  UpdateGitHubRepositoriesPayload,
} from '../../shared/resolver-contract';
import { claimAdminRequest, type AdminRequestThrottlePorts } from '../access/admin-request-throttle';
import { AppError } from '../app-error';
import { recordAudit, type Actor } from '../audit/audit-trail';
import { ConnectionRefused, recordRefusal } from './connection-refusals';
import { ServiceRefusal } from '../access/service-refusal';
import { DAMAGED_TOKEN_WARNING, UnreadableSecretError } from './unreadable-secret';

/**
 * The GitHub connection: one read-only token and the repositories to watch.
 *
 * A token is checked with GitHub before anything is stored (who it belongs to, its expiry, each repository),
 * then sealed into the vault; the plain record beside it holds only what the token can reach. Replacing
 * overwrites the one secret slot, and disconnecting deletes it, so an old token never lingers.
 *
 * A repository the token can see starts its backfill (its pull requests back to the retention window's start)
 * on the queue as soon as it is connected or added, rather than at the next hourly run. A repository no longer
 * watched, and every one on disconnect, loses what was read from it: pull requests, cursor and watermark.
 */
export interface GitHubConnectionRecord {
  login: string;
  tokenKind: 'fine-grained' | 'classic';
  scopes: string[] | null;
  expiresAt: string | null;
  repositories: GitHubRepositoryAccess[];
  connectedBy: string;
  connectedAt: string;
  lastCheck: { at: string; outcome: 'ok' | 'failed'; problem: string | null };
}

/** What the settings page is shown of the stored record, field by field (the page's type may change apart from storage). */
function gitHubConnectionDetails(record: GitHubConnectionRecord): GitHubConnectionDetails {
  return {
    login: record.login,
    tokenKind: record.tokenKind,
    scopes: record.scopes,
    expiresAt: record.expiresAt,
    repositories: record.repositories.map((repository) => ({ ...repository })),
    connectedBy: record.connectedBy,
    connectedAt: record.connectedAt,
    lastCheck: record.lastCheck,
  };
}

/** Starts reading repositories' pull requests on the queue (the `github-sync-jobs` queue in Forge). */
export interface PullRequestBackfills {
  queue(repositories: readonly string[]): Promise<void>;
}

/** The address GitHub's webhooks are sent to: the app's web trigger (`webTrigger.getUrl` in Forge). */
export interface WebhookAddress {
  url(): Promise<string>;
}

/** Checking a token or repositories costs up to 31 GitHub calls: once a minute (see admin-request-throttle.ts). */
export interface GitHubConnectionPorts extends AdminRequestThrottlePorts {
  github: GitHubAccount;
  vault: SecretVault;
  record: StoredDocument<GitHubConnectionRecord>;
  pullRequests: Pick<PullRequestStore, 'readState' | 'eraseRepository' | 'eraseAll'>;
  backfills: PullRequestBackfills;
  webhookAddress: WebhookAddress;
  /** Webhook deliveries remembered against replays. */
  deliveries: { forgetAll(): Promise<number> };
  clock: Clock;
}

/** Scopes of classic tokens that allow more than reading. */
const WRITE_SCOPES = /^(repo|public_repo|write:|admin:|delete_repo|workflow)/;
const EXPIRY_WARNING_DAYS = 14;
/** GitHub allows some parallel requests; a handful keeps a 30-repository check well inside the resolver's time. */
const PARALLEL_CHECKS = 5;

function warningsFor(record: GitHubConnectionRecord, now: Date): string[] {
  const warnings: string[] = [];
  if (record.lastCheck.outcome === 'failed' && record.lastCheck.problem) warnings.push(record.lastCheck.problem);
  for (const repository of record.repositories) {
    if (!repository.visible) {
      warnings.push(`The token cannot see ${repository.fullName}: it does not exist, or it is outside the token's repository access.`);
    } else if (repository.archived) {
      warnings.push(`${repository.fullName} is archived: it will have no new pull requests.`);
    }
  }
  if (record.tokenKind === 'classic') {
    const broad = (record.scopes ?? []).filter((scope) => WRITE_SCOPES.test(scope));
    warnings.push(
      broad.length > 0
        ? `This classic token's scopes (${broad.join(', ')}) allow changes; the app only reads. ` +
            'A fine-grained, read-only token limited to these repositories is safer.'
        : 'This is a classic token. A fine-grained, read-only token limited to these repositories is safer.',
    );
  }
  if (record.expiresAt === null) {
    warnings.push('The token never expires. GitHub recommends tokens with an expiry date.');
  } else {
    const days = (new Date(record.expiresAt).getTime() - now.getTime()) / MS_PER_DAY;
    if (days <= 0) warnings.push(`The token expired on ${record.expiresAt.slice(0, 10)}: replace it.`);
    else if (days <= EXPIRY_WARNING_DAYS) warnings.push(`The token expires on ${record.expiresAt.slice(0, 10)}: replace it before then.`);
  }
  return warnings;
}

function syncView(fullName: string, state: RepositorySyncState | null): GitHubRepositorySync {
  return {
    fullName,
    status: state?.status ?? 'never',
    failure: state?.status === 'failing' ? (state.failure ?? null) : null,
    gitattributesReadable: state?.gitattributesReadable ?? true,
    pass: state?.pass?.kind ?? null,
    pagesRead: state?.pass?.pages ?? 0,
    resumeAt: state?.status === 'rate-limited' && state.resumeAt !== null ? new Date(state.resumeAt).toISOString() : null,
    lastRunAt: state?.lastRunAt ?? null,
    lastCompletedAt: state?.lastCompletedAt ?? null,
  };
}

export async function getGitHubConnection(ports: GitHubConnectionPorts): Promise<GitHubConnectionData> {
  const sealing = ports.vault.sealingStatus();
  const record = await ports.record.read();
  if (!record) return { connected: false, sealing };
  const sealedWithKeyId = await ports.vault.sealedWith('github-token');
  const warnings = warningsFor(record, ports.clock.now());
  if (sealedWithKeyId === null) warnings.unshift(DAMAGED_TOKEN_WARNING);
  const visible = record.repositories.filter((repository) => repository.visible);
  const pullRequestSync = await Promise.all(
    visible.map(async ({ fullName }) => syncView(fullName, await ports.pullRequests.readState(fullName))),
  );
  const webhook: GitHubWebhookStatus = { url: await webhookUrl(ports), secretSet: await ports.vault.holds('github-webhook-secret') };
  return { connected: true, sealing, ...gitHubConnectionDetails(record), warnings, sealedWithKeyId, pullRequestSync, webhook };
}

/** The platform may fail to answer; the page then says the address is not available rather than failing whole. */
async function webhookUrl(ports: GitHubConnectionPorts): Promise<string | null> {
  try {
    return await ports.webhookAddress.url();
  } catch {
    return null;
  }
}

/** 32 random bytes, hex: as strong as the HMAC-SHA256 key GitHub uses it as. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A new webhook secret, generated here (an admin never has to invent one), sealed into its own slot, replacing
 * the old one at once: deliveries signed with the old secret are refused from now on. Shown once, in this answer.
 */
export async function createGitHubWebhookSecret(ports: GitHubConnectionPorts, actor: Actor): Promise<GitHubWebhookSecretCreated> {
  ports.vault.assertCanSeal();
  const record = await ports.record.read();
  if (!record) throw new AppError('INVALID_INPUT', 'GitHub is not connected; connect a token first.');
  const replacing = await ports.vault.holds('github-webhook-secret');
  const secret = randomSecret();
  await ports.vault.store('github-webhook-secret', secret);
  await recordAudit(ports, actor, 'github.webhook-secret-set', null, { replacing });
  return { url: await webhookUrl(ports), secret };
}

/** What GitHub gave or the app generated for this connection, each in its own sealed slot. */
const GITHUB_SECRETS = ['github-token', 'github-webhook-secret'] as const;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * After the watched list changed: what was read from repositories no longer on it goes, and the repositories
 * the token can now see and could not before (or all of them, for a new token) start reading at once.
 * Answers how many stored values went.
 */
async function followWatchedList(
  ports: GitHubConnectionPorts,
  before: readonly GitHubRepositoryAccess[],
  after: readonly GitHubRepositoryAccess[],
  newToken: boolean,
): Promise<number> {
  let erased = 0;
  for (const old of before) {
    if (!after.some((repository) => sameName(repository.fullName, old.fullName)))
      erased += await ports.pullRequests.eraseRepository(old.fullName);
  }
  const start = after.filter(
    (repository) => repository.visible && (newToken || !before.some((old) => old.visible && sameName(old.fullName, repository.fullName))),
  );
  if (start.length > 0) await ports.backfills.queue(start.map((repository) => repository.fullName));
  return erased;
}

/** A refusal while checking a token the admin just typed: the token is what is wrong. */
function refusalOfNewToken(error: unknown): unknown {
  if (!(error instanceof ServiceRefusal)) return error;
  if (error.reason === 'unauthorized') {
    return new AppError('INVALID_INPUT', 'GitHub did not accept this token: it may be mistyped, expired or revoked. Nothing was saved.');
  }
  return refusalOfService(error);
}

function refusalOfService(error: ServiceRefusal): AppError {
  if (error.reason === 'rate-limited')
    return new AppError('RATE_LIMITED', 'GitHub is rate limiting this token; try again in a few minutes.');
  return new AppError('UNAVAILABLE', 'GitHub could not be reached; try again in a minute.');
}

async function checkRepositories(github: GitHubAccount, token: string, names: readonly string[]): Promise<GitHubRepositoryAccess[]> {
  const results = new Array<GitHubRepositoryAccess>(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const index = next++;
      const name = names[index]!;
      const view = await github.repository(token, name);
      results[index] = view
        ? { fullName: view.fullName, visible: true, private: view.private, archived: view.archived, defaultBranch: view.defaultBranch }
        : { fullName: name, visible: false, private: null, archived: null, defaultBranch: null };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, names.length) }, worker));
  return results;
}

function requireSomethingVisible(repositories: readonly GitHubRepositoryAccess[]): void {
  if (repositories.length > 0 && repositories.every((repository) => !repository.visible)) {
    throw new ConnectionRefused(
      'no-repository-access',
      'The token cannot see any of these repositories. ' +
        'Check the names, and the repository access the token was given on GitHub. Nothing was saved.',
    );
  }
}

export async function connectGitHub(
  ports: GitHubConnectionPorts,
  actor: Actor,
  input: ConnectGitHubPayload,
): Promise<GitHubConnectionData> {
  // Before anyone checks a token: without a sealing key it could not be kept anyway.
  ports.vault.assertCanSeal();
  const tokenKind = githubTokenKind(input.token);
  if (!tokenKind) throw new AppError('INVALID_INPUT', 'That is not a GitHub personal access token.');
  await claimAdminRequest(ports, actor, 'github-connection');

  let identity;
  let repositories;
  try {
    identity = await ports.github.identify(input.token);
    repositories = await checkRepositories(ports.github, input.token, input.repositories);
    requireSomethingVisible(repositories);
  } catch (error) {
    const replacing = (await ports.record.read()) !== null;
    await recordRefusal(ports, actor, 'github.connect-refused', error, input.repositories.join(', '), { replacing });
    throw refusalOfNewToken(error);
  }

  const now = ports.clock.now().toISOString();
  const previous = await ports.record.read();
  const record: GitHubConnectionRecord = {
    login: identity.login,
    tokenKind,
    scopes: identity.scopes,
    expiresAt: identity.expiresAt,
    repositories,
    connectedBy: actor.accountId,
    connectedAt: now,
    lastCheck: { at: now, outcome: 'ok', problem: null },
  };
  await ports.vault.store('github-token', input.token);
  try {
    await ports.record.write(record);
  } catch (error) {
    // A token without its record would be invisible to the admin: take it back out.
    await ports.vault.remove('github-token').catch(() => undefined);
    throw error;
  }
  await ports.personalData.remember(actor.accountId, 'github-connection', now);
  const erasedValues = await followWatchedList(ports, previous?.repositories ?? [], repositories, true);
  await recordAudit(ports, actor, previous ? 'github.replaced' : 'github.connected', repositories.map((r) => r.fullName).join(', '), {
    githubLogin: identity.login,
    tokenKind,
    visibleRepositories: repositories.filter((r) => r.visible).length,
    expiresAt: identity.expiresAt,
    ...(erasedValues > 0 ? { erasedValues } : {}),
  });
  return getGitHubConnection(ports);
}

/** Opens the stored token for a later check; a token that can no longer be used is an admin's job to replace. */
async function storedToken(ports: GitHubConnectionPorts): Promise<{ token: string; record: GitHubConnectionRecord }> {
  const record = await ports.record.read();
  if (!record) throw new AppError('INVALID_INPUT', 'GitHub is not connected; connect a token first.');
  let token: string | null;
  try {
    token = await ports.vault.open('github-token');
  } catch (error) {
    if (error instanceof UnreadableSecretError) {
      throw new AppError(
        'NOT_CONFIGURED',
        'The stored GitHub token can no longer be opened (its sealing key was removed or it was altered). Connect the token again.',
      );
    }
    throw error;
  }
  if (token === null) throw new AppError('NOT_CONFIGURED', 'The stored GitHub token is missing. Connect the token again.');
  return { token, record };
}

export async function updateGitHubRepositories(
  ports: GitHubConnectionPorts,
  actor: Actor,
  input: UpdateGitHubRepositoriesPayload,
): Promise<GitHubConnectionData> {
  const { token, record } = await storedToken(ports);
  await claimAdminRequest(ports, actor, 'github-connection');
  const now = ports.clock.now().toISOString();
  let identity;
  let repositories;
  try {
    identity = await ports.github.identify(token);
    repositories = await checkRepositories(ports.github, token, input.repositories);
    requireSomethingVisible(repositories);
  } catch (error) {
    // The stored token refused, or it sees none of the new repositories: recorded as a connect refusal is.
    await recordRefusal(ports, actor, 'github.repositories-change-refused', error, input.repositories.join(', '));
    if (error instanceof ServiceRefusal && error.reason === 'unauthorized') {
      const problem = 'GitHub no longer accepts the stored token (it expired or was revoked). Replace it.';
      await ports.record.write({ ...record, lastCheck: { at: now, outcome: 'failed', problem } });
      throw new AppError('NOT_CONFIGURED', problem);
    }
    throw error instanceof ServiceRefusal ? refusalOfService(error) : error;
  }
  await ports.record.write({
    ...record,
    login: identity.login,
    scopes: identity.scopes,
    expiresAt: identity.expiresAt,
    repositories,
    lastCheck: { at: now, outcome: 'ok', problem: null },
  });
  const erasedValues = await followWatchedList(ports, record.repositories, repositories, false);
  await recordAudit(ports, actor, 'github.repositories-changed', repositories.map((r) => r.fullName).join(', '), {
    visibleRepositories: repositories.filter((r) => r.visible).length,
    erasedValues,
  });
  return getGitHubConnection(ports);
}

/**
 * Forgets GitHub: the token and the webhook secret first (they matter most), then the record, then everything
 * read with them (every repository's pull requests, cursors and watermarks, watched or not).
 */
export async function disconnectGitHub(ports: GitHubConnectionPorts, actor: Actor): Promise<GitHubConnectionData> {
  const record = await ports.record.read();
  const secrets = (await Promise.all(GITHUB_SECRETS.map((name) => ports.vault.holds(name)))).filter(Boolean).length;
  for (const name of GITHUB_SECRETS) await ports.vault.remove(name);
  await ports.record.remove();
  const erasedValues = (await ports.pullRequests.eraseAll()) + (await ports.deliveries.forgetAll());
  if (record || secrets > 0 || erasedValues > 0)
    await recordAudit(ports, actor, 'github.disconnected', record?.login ?? null, { erasedSecrets: secrets, erasedValues });
  return { connected: false, sealing: ports.vault.sealingStatus() };
}
