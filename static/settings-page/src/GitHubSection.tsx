import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { useState, type FormEvent } from 'react';
import { githubTokenKind, GITHUB_REPOSITORY, MAX_WATCHED_REPOSITORIES } from '../../../src/shared/connection-formats';
import type { GitHubConnectionData } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { SealingNotice } from './SealingNotice';
import { useSettingsAction } from './use-settings-action';
import { useUserNames } from './use-user-names';
import './settings-form.css';

type Connected = Extract<GitHubConnectionData, { connected: true }>;
type Mode = 'view' | 'token' | 'repositories' | 'confirm-disconnect';

/** Repository names as typed: one per line or separated by commas. */
export function parseRepositoryList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function repositoryProblem(names: readonly string[]): string | null {
  if (names.length === 0) return 'Name at least one repository.';
  if (names.length > MAX_WATCHED_REPOSITORIES) return `Name at most ${MAX_WATCHED_REPOSITORIES} repositories.`;
  const bad = names.find((name) => !GITHUB_REPOSITORY.test(name));
  return bad ? `"${bad}" is not a repository as owner/repo.` : null;
}

function ConnectionDetails({ connection }: { connection: Connected }) {
  const nameOf = useUserNames([connection.connectedBy]);
  return (
    <Stack space="space.150" testId="github-connection">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={connection.lastCheck.outcome === 'ok' ? 'success' : 'removed'}>
          {connection.lastCheck.outcome === 'ok' ? 'Connected' : 'Check failed'}
        </Lozenge>
        <Text>
          as <Text weight="semibold">{connection.login}</Text> with a {connection.tokenKind} token
        </Text>
      </Inline>
      <Text as="p" color="color.text.subtle" testId="github-connected-by">
        Connected by {nameOf(connection.connectedBy)} on {formatDateTime(connection.connectedAt)}; last checked{' '}
        {formatDateTime(connection.lastCheck.at)}.
      </Text>
      <Text as="p" testId="github-expiry">
        {connection.expiresAt ? `Expires ${formatDateTime(connection.expiresAt)}.` : 'Does not expire.'}
        {connection.scopes !== null && ` Scopes: ${connection.scopes.length > 0 ? connection.scopes.join(', ') : 'none'}.`}
      </Text>
      <Stack space="space.050" testId="github-repositories">
        {connection.repositories.map((repository) => (
          <Inline key={repository.fullName} space="space.100" alignBlock="center">
            <Lozenge appearance={repository.visible ? 'success' : 'removed'}>{repository.visible ? 'Visible' : 'Not visible'}</Lozenge>
            <Text>{repository.fullName}</Text>
            {repository.visible && (
              <Text color="color.text.subtle" size="small">
                {repository.private ? 'private' : 'public'}, default branch {repository.defaultBranch}
                {repository.archived ? ', archived' : ''}
              </Text>
            )}
          </Inline>
        ))}
      </Stack>
      {connection.warnings.length > 0 && (
        <SectionMessage appearance="warning" title="Worth fixing" testId="github-warnings">
          <Stack space="space.050">
            {connection.warnings.map((warning) => (
              <Text as="p" key={warning}>
                {warning}
              </Text>
            ))}
          </Stack>
        </SectionMessage>
      )}
    </Stack>
  );
}

/**
 * The GitHub connection: a fine-grained, read-only token and the repositories whose pull requests the app
 * links to issues. The token field is cleared as soon as the token is sent; the page never sees it again.
 */
export function GitHubSection() {
  const { state, reload } = useResolver<GitHubConnectionData>('getGitHubConnection');
  const action = useSettingsAction();
  const [mode, setMode] = useState<Mode>('view');
  const [token, setToken] = useState('');
  const [repositories, setRepositories] = useState('');
  const [shown, setShown] = useState<GitHubConnectionData | null>(null);

  if (state.status === 'loading') return <LoadingState label="Loading the GitHub connection" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  const connection = shown ?? state.data;

  const open = (next: Mode) => {
    action.clearError();
    setToken('');
    setRepositories(connection.connected ? connection.repositories.map((r) => r.fullName).join('\n') : '');
    setMode(next);
  };

  const names = parseRepositoryList(repositories);
  const tokenProblem = mode === 'token' && token.trim() !== '' && githubTokenKind(token.trim()) === null
    ? 'This is not a GitHub personal access token (github_pat_… or ghp_…).'
    : null;
  const namesProblem = repositories.trim() === '' ? null : repositoryProblem(names);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = mode === 'token' ? { token: token.trim(), repositories: names } : { repositories: names };
    // The token leaves the page's state before the answer comes back, whatever it is.
    setToken('');
    const result = await action.run<GitHubConnectionData>(mode === 'token' ? 'connectGitHub' : 'updateGitHubRepositories', payload);
    if (result.ok) {
      setShown(result.data);
      setMode('view');
    }
  };

  const disconnect = async () => {
    const result = await action.run<GitHubConnectionData>('disconnectGitHub');
    if (result.ok) {
      setShown(result.data);
      setMode('view');
    }
  };

  const editing = mode === 'token' || mode === 'repositories';
  return (
    <Stack space="space.200" testId="github-section">
      <Heading size="medium" as="h2">
        GitHub
      </Heading>
      <Text as="p" color="color.text.subtle">
        Links pull requests to issues. Use a fine-grained personal access token with read-only access to the repositories
        below (Pull requests: read, Contents: read, Metadata: read). It is checked with GitHub before it is stored, and
        stored encrypted.
      </Text>
      <SealingNotice sealing={connection.sealing} />
      {connection.connected && mode !== 'token' && <ConnectionDetails connection={connection} />}
      {!connection.connected && !editing && <Text as="p">Not connected.</Text>}
      <ActionError error={action.error} />

      {editing && (
        <form onSubmit={submit} aria-label={mode === 'token' ? 'GitHub token' : 'Watched repositories'}>
          <Stack space="space.150">
            {mode === 'token' && (
              <div className="settings-field">
                <label htmlFor="github-token">Personal access token</label>
                <input
                  id="github-token"
                  className="settings-input"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={token}
                  aria-invalid={tokenProblem !== null}
                  onChange={(event) => setToken(event.target.value)}
                />
                {tokenProblem && <span className="settings-error">{tokenProblem}</span>}
              </div>
            )}
            <div className="settings-field">
              <label htmlFor="github-repositories">Repositories (owner/repo, one per line)</label>
              <textarea
                id="github-repositories"
                className="settings-textarea"
                spellCheck={false}
                value={repositories}
                aria-invalid={namesProblem !== null}
                onChange={(event) => setRepositories(event.target.value)}
              />
              {namesProblem && <span className="settings-error">{namesProblem}</span>}
            </div>
            <Inline space="space.100">
              <Button
                type="submit"
                appearance="primary"
                isLoading={action.busy}
                isDisabled={repositoryProblem(names) !== null || tokenProblem !== null || (mode === 'token' && token.trim() === '')}
              >
                {mode === 'token' ? 'Check and save' : 'Check and save repositories'}
              </Button>
              <Button appearance="subtle" onClick={() => setMode('view')} isDisabled={action.busy}>
                Cancel
              </Button>
            </Inline>
          </Stack>
        </form>
      )}

      {mode === 'confirm-disconnect' && (
        <SectionMessage appearance="warning" title="Disconnect GitHub?" testId="github-confirm-disconnect">
          <Stack space="space.100">
            <Text as="p">The stored token is deleted at once. Pull requests stop being linked until a token is connected again.</Text>
            <Inline space="space.100">
              <Button appearance="danger" onClick={disconnect} isLoading={action.busy}>
                Disconnect
              </Button>
              <Button appearance="subtle" onClick={() => setMode('view')}>
                Keep it
              </Button>
            </Inline>
          </Stack>
        </SectionMessage>
      )}

      {mode === 'view' && connection.sealing.configured && (
        <Inline space="space.100">
          <Button appearance={connection.connected ? 'default' : 'primary'} onClick={() => open('token')}>
            {connection.connected ? 'Replace token' : 'Connect GitHub'}
          </Button>
          {connection.connected && <Button onClick={() => open('repositories')}>Change repositories</Button>}
          {connection.connected && (
            <Button appearance="subtle" onClick={() => open('confirm-disconnect')}>
              Disconnect
            </Button>
          )}
        </Inline>
      )}
      {mode === 'view' && !connection.sealing.configured && connection.connected && (
        <Inline>
          <Button appearance="subtle" onClick={() => open('confirm-disconnect')}>
            Disconnect
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
