import Button from '@atlaskit/button/new';
import { ErrorMessage, Field, type FormApi } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { githubTokenKind, GITHUB_REPOSITORY, MAX_WATCHED_REPOSITORIES } from '../../../src/shared/connection-formats';
import type { GitHubConnectionData, GitHubRepositorySync } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { ActionError } from './ActionError';
import { ConnectionActions } from './ConnectionActions';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionStatus } from './ConnectionStatus';
import { DisconnectConfirmation } from './DisconnectConfirmation';
import { SealingNotice } from './SealingNotice';
import { GitHubWebhookPanel } from './GitHubWebhookPanel';
import { forgetToken, TokenField } from './TokenField';
import { useConnectionEditor } from './use-connection-editor';
import './settings-form.css';

type Connected = Extract<GitHubConnectionData, { connected: true }>;
/** The forms the section can open besides its plain view. */
type Mode = 'token' | 'repositories' | 'confirm-disconnect';

/** What the token form holds while the admin types; the repositories form has no token field. */
interface GitHubFormValues extends Record<string, unknown> {
  token?: string;
  repositories?: string;
}

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
  return bad ? `"${bad}" is not a repository name: write each one as owner/repo, such as acme/web-app.` : null;
}

const tokenProblem = (token: string) =>
  githubTokenKind(token) === null ? 'This is not a GitHub personal access token (github_pat_… or ghp_…).' : null;

/** How the reading of one repository's pull requests stands, in a sentence. */
export function describeSync(sync: GitHubRepositorySync | undefined): string {
  if (!sync || (sync.status === 'never' && sync.pass === null)) return 'Pull requests: waiting for the first read (queued).';
  if (sync.status === 'stopped') return 'Pull requests: stopped, GitHub refused the token. Replace it to go on from where reading stopped.';
  if (sync.status === 'failing' && sync.failure) {
    return `Pull requests: failing since ${formatDateTime(sync.failure.since)}. ${sync.failure.reason} Each run tries again from where reading stopped.`;
  }
  if (sync.status === 'not-found') return 'Pull requests: GitHub no longer shows this repository to the token.';
  if (sync.status === 'rate-limited' && sync.resumeAt) {
    return `Pull requests: waiting for GitHub's rate limit until ${formatDateTime(sync.resumeAt)}, then going on from where reading stopped.`;
  }
  if (sync.pass === 'backfill')
    return `Pull requests: reading back to the retention window's start (${sync.pagesRead} page${sync.pagesRead === 1 ? '' : 's'} so far).`;
  if (sync.pass === 'incremental') return 'Pull requests: reading what changed since the last read.';
  return sync.lastCompletedAt
    ? `Pull requests: up to date as of ${formatDateTime(sync.lastCompletedAt)}.`
    : 'Pull requests: waiting for the first read (queued).';
}

/** When GitHub would not show a repository's `.gitattributes`: what that changes and which permission enables it. */
export function gitattributesNote(sync: GitHubRepositorySync | undefined): string | null {
  if (!sync || sync.gitattributesReadable) return null;
  return '.gitattributes could not be read, so its linguist-generated paths are not left out of sizes: the optional Contents: read permission enables it.';
}

/** What the stored token reaches: the account, its expiry and scopes, and each watched repository. */
function GitHubAccess({ connection }: { connection: Connected }) {
  const syncOf = (fullName: string) => connection.pullRequestSync.find((sync) => sync.fullName.toLowerCase() === fullName.toLowerCase());
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
            {repository.visible && (
              <Text size="small" testId="github-repository-sync">
                {describeSync(syncOf(repository.fullName))}
              </Text>
            )}
            {repository.visible && gitattributesNote(syncOf(repository.fullName)) && (
              <Text size="small" color="color.text.subtle" testId="github-repository-gitattributes">
                {gitattributesNote(syncOf(repository.fullName))}
              </Text>
            )}
          </Inline>
        ))}
      </Stack>
    </ConnectionStatus>
  );
}

/**
 * The GitHub connection: a fine-grained, read-only token and the repositories whose pull requests belong to
 * this site's projects, with how the reading of each stands. The token field is cleared as soon as the token
 * is sent; the page never sees it again.
 */
export function GitHubSection() {
  const editor = useConnectionEditor<'getGitHubConnection', Mode>('getGitHubConnection');
  const { state, reload, action, connection, mode, setMode, change } = editor;

  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  if (connection === null) return <LoadingState label="Loading the GitHub connection" />;

  const open = (next: Mode) => {
    action.clearError();
    setMode(next);
  };

  const submit = async (values: GitHubFormValues, form: FormApi<GitHubFormValues>) => {
    const repositories = parseRepositoryList(values.repositories ?? '');
    if (mode === 'token') {
      const token = (values.token ?? '').trim();
      forgetToken(form);
      await change('connectGitHub', { token, repositories });
    } else {
      await change('updateGitHubRepositories', { repositories });
    }
  };
  const canSubmit = (values: GitHubFormValues) =>
    repositoryProblem(parseRepositoryList(values.repositories ?? '')) === null && (mode !== 'token' || (values.token ?? '').trim() !== '');
  const validateRepositories = (text: string | undefined) =>
    (text ?? '').trim() === '' ? undefined : (repositoryProblem(parseRepositoryList(text ?? '')) ?? undefined);

  const editing = mode === 'token' || mode === 'repositories';
  return (
    <Stack space="space.200" testId="github-section">
      <Heading size="medium" as="h2">
        GitHub
      </Heading>
      <Text as="p" color="color.text.subtle">
        The repositories whose pull requests belong to this site's projects, for pull-request timing. Once connected, the app reads each
        repository's pull requests back to the retention window's start, then every hour what changed; it keeps times, sizes and the issue
        keys they name, never code, titles or people. Use a fine-grained personal access token with read-only access to the repositories
        below: Pull requests: read and Metadata: read are required; Contents: read is optional and only lets the app read each repository's
        .gitattributes for its linguist-generated paths.
      </Text>
      <SealingNotice sealing={connection.sealing} />
      {connection.connected && mode !== 'token' && <GitHubAccess connection={connection} />}
      {connection.connected && mode === 'view' && connection.sealing.configured && <GitHubWebhookPanel webhook={connection.webhook} />}
      {!connection.connected && !editing && <Text as="p">Not connected.</Text>}
      <ActionError error={action.error} />

      {editing && (
        <ConnectionForm<GitHubFormValues>
          label={mode === 'token' ? 'GitHub token' : 'Watched repositories'}
          canSubmit={canSubmit}
          submitLabel={mode === 'token' ? 'Check and save' : 'Check and save repositories'}
          busy={action.busy}
          onSubmit={submit}
          onCancel={() => setMode('view')}
        >
          {mode === 'token' && <TokenField id="github-token" label="Personal access token" problemOf={tokenProblem} />}
          <Field<string>
            name="repositories"
            id="github-repositories"
            label="Repositories (owner/repo, one per line)"
            defaultValue={connection.connected ? connection.repositories.map((r) => r.fullName).join('\n') : ''}
            validate={validateRepositories}
          >
            {({ fieldProps: { isDisabled, isInvalid, isRequired, onChange, ...textareaProps }, error }) => (
              <>
                {/* A native textarea: the page has no Atlaskit text area; this one is drawn with the same tokens. */}
                <textarea
                  {...textareaProps}
                  className="settings-textarea"
                  spellCheck={false}
                  disabled={isDisabled}
                  onChange={(event) => onChange(event.currentTarget.value)}
                />
                {error && <ErrorMessage>{error}</ErrorMessage>}
              </>
            )}
          </Field>
        </ConnectionForm>
      )}

      {mode === 'confirm-disconnect' && (
        <DisconnectConfirmation
          serviceName="GitHub"
          testId="github-confirm-disconnect"
          consequence="So are the webhook secret and every pull request read from the repositories: reading stops until a token is connected again."
          busy={action.busy}
          onDisconnect={() => void change('disconnectGitHub')}
          onKeep={() => setMode('view')}
        />
      )}

      {mode === 'view' && (
        <ConnectionActions
          serviceName="GitHub"
          connected={connection.connected}
          sealing={connection.sealing}
          onToken={() => open('token')}
          onDisconnect={() => open('confirm-disconnect')}
          takeFocus={editor.returnedToView}
        >
          {connection.connected && connection.sealing.configured && (
            <Button onClick={() => open('repositories')}>Change repositories</Button>
          )}
        </ConnectionActions>
      )}
    </Stack>
  );
}
