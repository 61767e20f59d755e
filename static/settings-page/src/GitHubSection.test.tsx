/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failed, ok } from '../../testing/resolver-fixtures';
import { FAKE_GITHUB_TOKEN, githubConnected, NOT_SEALED, SEALED } from '../../testing/settings-fixtures';
import { mockSettingsBridge, typeInto } from '../../testing/settings-bridge';
import { describeSync, gitattributesNote, GitHubSection, parseRepositoryList } from './GitHubSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const { invokeMock, jiraFetchMock } = mockSettingsBridge();

describe('the GitHub section', () => {
  it('connects a token: checks its shape as typed, sends it once, and forgets it', async () => {
    invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: SEALED })).mockResolvedValueOnce(ok(githubConnected()));
    render(<GitHubSection />);

    fireEvent.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    // Masked, and never offered to autofill or a spell-checker.
    const field = screen.getByLabelText(/^Personal access token/);
    expect([field.getAttribute('type'), field.getAttribute('autocomplete'), field.getAttribute('spellcheck')]).toEqual([
      'password',
      'off',
      'false',
    ]);
    typeInto(/^Personal access token/, 'not-a-token');
    expect(screen.getByText(/not a GitHub personal access token/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Check and save' }).disabled).toBe(true);

    typeInto(/^Personal access token/, FAKE_GITHUB_TOKEN);
    typeInto(/^Repositories/, 'acme-flow/web-app, acme-flow/platform-api');
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));

    expect(await screen.findByTestId('github-connection')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('connectGitHub', {
      token: FAKE_GITHUB_TOKEN,
      repositories: ['acme-flow/web-app', 'acme-flow/platform-api'],
    });
    expect(screen.queryByLabelText(/^Personal access token/)).toBeNull();
    expect(document.body.innerHTML).not.toContain(FAKE_GITHUB_TOKEN);
  });

  it('shows what the token can see, when it expires, its warnings and who connected it', async () => {
    invokeMock.mockResolvedValueOnce(ok(githubConnected()));
    render(<GitHubSection />);

    expect((await screen.findByTestId('github-repositories')).textContent).toMatch(
      /Visible.*acme-flow\/web-app.*Not visible.*acme-flow\/platform-api/,
    );
    expect(screen.getByTestId('github-expiry').textContent).toContain('Expires');
    // Only the visible repository is read; its backfill is under way.
    expect(screen.getAllByTestId('github-repository-sync').map((line) => line.textContent)).toEqual([
      "Pull requests: reading back to the retention window's start (3 pages so far).",
    ]);
    expect(screen.getByTestId('github-warnings').textContent).toContain('cannot see acme-flow/platform-api');
    await waitFor(() => expect(screen.getByTestId('github-connected-by').textContent).toContain('Ada Admin'));
    expect(jiraFetchMock.mock.calls[0]![0]).toMatch(/^\/rest\/api\/3\/user\/bulk\?accountId=5b10a2844c20165700ede21g/);
  });

  it('explains a refused token and keeps the form open', async () => {
    invokeMock
      .mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }))
      .mockResolvedValueOnce(
        failed('INVALID_INPUT', 'GitHub did not accept this token: it may be mistyped, expired or revoked. Nothing was saved.'),
      );
    render(<GitHubSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    typeInto(/^Personal access token/, FAKE_GITHUB_TOKEN);
    typeInto(/^Repositories/, 'acme-flow/web-app');
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));

    expect((await screen.findByTestId('action-error')).textContent).toContain('GitHub did not accept this token');
    expect(screen.getByLabelText<HTMLInputElement>(/^Personal access token/).value).toBe('');
  });

  it('offers no token form while no sealing key is configured', async () => {
    invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: NOT_SEALED }));
    render(<GitHubSection />);
    expect((await screen.findByTestId('sealing-notice')).textContent).toContain('FLOW_METRICS_SEALING_KEYS');
    expect(screen.queryByRole('button', { name: 'Connect GitHub' })).toBeNull();
  });

  it('changes the repositories without asking for the token again', async () => {
    invokeMock.mockResolvedValueOnce(ok(githubConnected())).mockResolvedValueOnce(ok(githubConnected({ warnings: [] })));
    render(<GitHubSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change repositories' }));
    expect(screen.queryByLabelText(/^Personal access token/)).toBeNull();
    typeInto(/^Repositories/, 'acme-flow/web-app');
    fireEvent.click(screen.getByRole('button', { name: 'Check and save repositories' }));
    await waitFor(() => expect(invokeMock).toHaveBeenLastCalledWith('updateGitHubRepositories', { repositories: ['acme-flow/web-app'] }));
  });

  it('disconnects only after a confirmation', async () => {
    invokeMock.mockResolvedValueOnce(ok(githubConnected())).mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
    render(<GitHubSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disconnect' }));
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('github-confirm-disconnect').textContent).toContain('deleted at once');
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('Not connected.')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('disconnectGitHub', {});
  });

  it('is usable from the keyboard: a form or question takes the focus, Escape closes it, the focus comes back', async () => {
    invokeMock.mockResolvedValueOnce(ok(githubConnected()));
    render(<GitHubSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Replace token' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Personal access token/));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByLabelText(/^Personal access token/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Replace token' }));

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('github-confirm-disconnect')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Replace token' }));
    expect(invokeMock).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId('github-connected-by').textContent).toContain('Ada Admin'));
  });

  it('names the whole mistyped repository and the form it should take', async () => {
    invokeMock.mockResolvedValueOnce(ok({ connected: false, sealing: SEALED }));
    render(<GitHubSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect GitHub' }));
    typeInto(/^Repositories/, 'acme-flow/web-app\nweb-app');
    expect(screen.getByText('"web-app" is not a repository name: write each one as owner/repo, such as acme/web-app.')).toBeTruthy();
  });

  it("says how the reading of a repository stands, a rate limit's wait and a refused token included", () => {
    const base = {
      gitattributesReadable: true,
      fullName: 'a/b',
      pass: null,
      pagesRead: 0,
      resumeAt: null,
      lastRunAt: null,
      lastCompletedAt: null,
      failure: null,
    } as const;
    expect(describeSync(undefined)).toContain('waiting for the first read');
    expect(describeSync({ ...base, status: 'rate-limited', pass: 'backfill', pagesRead: 4, resumeAt: '2026-03-10T13:00:00.000Z' })).toMatch(
      /^Pull requests: waiting for GitHub's rate limit until .+, then going on from where reading stopped\.$/,
    );
    expect(describeSync({ ...base, status: 'stopped' })).toContain('GitHub refused the token');
    expect(describeSync({ ...base, status: 'ok', lastCompletedAt: '2026-03-10T13:00:00.000Z' })).toMatch(
      /^Pull requests: up to date as of /,
    );
    expect(describeSync({ ...base, status: 'ok', pass: 'backfill', pagesRead: 1 })).toContain('(1 page so far)');
  });

  it('says when a .gitattributes could not be read, and which optional permission enables it', () => {
    const base = {
      fullName: 'a/b',
      status: 'ok',
      pass: null,
      pagesRead: 0,
      resumeAt: null,
      lastRunAt: null,
      lastCompletedAt: null,
      failure: null,
    } as const;
    expect(gitattributesNote({ ...base, gitattributesReadable: true })).toBeNull();
    expect(gitattributesNote({ ...base, gitattributesReadable: false })).toBe(
      '.gitattributes could not be read, so its linguist-generated paths are not left out of sizes: the optional Contents: read permission enables it.',
    );
  });

  it('says when and why reading a repository is failing, instead of showing it as still backfilling', () => {
    const failing = {
      fullName: 'a/b',
      status: 'failing',
      pass: 'backfill',
      pagesRead: 2,
      resumeAt: null,
      lastRunAt: '2026-03-10T13:00:00.000Z',
      lastCompletedAt: null,
      failure: { reason: 'GitHub had a server error (HTTP 502).', since: '2026-03-10T12:00:00.000Z' },
      gitattributesReadable: true,
    } as const;
    expect(describeSync(failing)).toMatch(
      /^Pull requests: failing since .+\. GitHub had a server error \(HTTP 502\)\. Each run tries again/,
    );
  });

  it('shows the webhook address, generates a secret shown once, then only says it is set', async () => {
    const secret = 'f'.repeat(64);
    invokeMock
      .mockResolvedValueOnce(ok(githubConnected()))
      .mockResolvedValueOnce(ok({ url: 'https://example.atlassian-dev.net/x1/fake-webhook-address', secret }));
    render(<GitHubSection />);
    expect((await screen.findByTestId('github-webhook-url')).textContent).toBe('https://example.atlassian-dev.net/x1/fake-webhook-address');
    expect(screen.getByTestId('github-webhook-secret-state').textContent).toBe('Not set');
    fireEvent.click(screen.getByRole('button', { name: 'Generate secret' }));
    expect((await screen.findByTestId('github-webhook-secret')).textContent).toBe(secret);
    expect(invokeMock).toHaveBeenLastCalledWith('createGitHubWebhookSecret', {});
    expect(screen.getByTestId('github-webhook-secret-state').textContent).toBe('Set');
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(document.body.innerHTML).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Replace secret' })).toBeTruthy();
  });

  it('reads repository lists written one per line or with commas', () => {
    expect(parseRepositoryList(' a/b,\nc/d  e/f ,')).toEqual(['a/b', 'c/d', 'e/f']);
  });
});
