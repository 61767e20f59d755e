import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useState, type FormEvent } from 'react';
import { githubTokenKind, GITHUB_REPOSITORY, MAX_WATCHED_REPOSITORIES } from '../../../src/shared/connection-formats';
import type { GitHubConnectionData } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { ActionError } from './ActionError';
import { ConnectionStatus } from './ConnectionStatus';
import { DisconnectConfirmation } from './DisconnectConfirmation';
import { SealingNotice } from './SealingNotice';
import { TokenField } from './TokenField';
import { useConnectionEditor } from './use-connection-editor';
import './settings-form.css';

type Connected = Extract<GitHubConnectionData, { connected: true }>;
/** The forms the section can open besides its plain view. */
type Form = 'token' | 'repositories' | 'confirm-disconnect';

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

/** What the stored token reaches: the account, its expiry and scopes, and each watched repository. */
function GitHubAccess({ connection }: { connection: Connected }) {
  return (
    <ConnectionStatus
      service="github"
      connection={connection}
      summary={
        <Text>
          as <Text weight="semibold">{connection.login}</Text> with a {connection.tokenKind} token
        </Text>
      }
    >
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
    </ConnectionStatus>
  );
}

/**
 * The GitHub connection: a fine-grained, read-only token and the repositories whose pull requests the app
 * links to issues. The token field is cleared as soon as the token is sent; the page never sees it again.
 */
export function GitHubSection() {
  const editor = useConnectionEditor<GitHubConnectionData, Form>('getGitHubConnection');
  const { state, reload, action, connection, mode, setMode, token, setToken, change } = editor;
  const [repositories, setRepositories] = useState('');

  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  if (connection === null) return <LoadingState label="Loading the GitHub connection" />;

  const open = (next: Form) => {
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
    await (mode === 'token' ? change('connectGitHub', { token: token.trim(), repositories: names }) : change('updateGitHubRepositories', { repositories: names }));
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
      {connection.connected && mode !== 'token' && <GitHubAccess connection={connection} />}
      {!connection.connected && !editing && <Text as="p">Not connected.</Text>}
      <ActionError error={action.error} />

      {editing && (
        <form onSubmit={submit} aria-label={mode === 'token' ? 'GitHub token' : 'Watched repositories'}>
          <Stack space="space.150">
            {mode === 'token' && (
              <TokenField id="github-token" label="Personal access token" value={token} problem={tokenProblem} onChange={setToken} />
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
        <DisconnectConfirmation
          serviceName="GitHub"
          testId="github-confirm-disconnect"
          consequence="Pull requests stop being linked until a token is connected again."
          busy={action.busy}
          onDisconnect={() => void change('disconnectGitHub')}
          onKeep={() => setMode('view')}
        />
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
