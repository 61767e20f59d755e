/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invoke, requestJira } from '@forge/bridge';
import type { AuditEntry } from '../../../src/shared/resolver-contract';
import { ok } from '../../testing/resolver-fixtures';
import { ADMIN_ID, userBulkResponse } from '../../testing/settings-fixtures';
import { AuditLogSection } from './AuditLogSection';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const invokeMock = jest.mocked(invoke);
const jiraFetchMock = jest.mocked(requestJira);
const CLOSED_ACCOUNT = '557058:00000000-0000-0000-0000-000000000000';

const entry = (
  id: string,
  actorAccountId: string,
  action: AuditEntry['action'],
  subject: string | null,
  details: AuditEntry['details'] = {},
): AuditEntry => ({
  id,
  at: '2026-03-10T12:00:00.000Z',
  actorAccountId,
  action,
  subject,
  details,
});

afterEach(() => {
  invokeMock.mockReset();
  jiraFetchMock.mockReset();
});

describe('the audit log section', () => {
  it('lists who did what, with names looked up in the browser', async () => {
    jiraFetchMock.mockResolvedValue(userBulkResponse());
    invokeMock.mockResolvedValueOnce(
      ok({
        entries: [
          entry('2', ADMIN_ID, 'workflow.changed', 'FLOW', { startStage: 'Doing', doneStage: 'Done' }),
          entry('1', CLOSED_ACCOUNT, 'github.connected', 'acme-flow/web-app', { tokenKind: 'fine-grained' }),
        ],
        firstEntryNumber: 1,
        approximateTotal: 2,
        olderCursor: null,
      }),
    );
    render(<AuditLogSection />);
    const log = await screen.findByTestId('audit-log');
    await waitFor(() => expect(within(log).getAllByRole('row')[1]!.textContent).toContain('Ada Admin'));
    const rows = within(log)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows[0]).toContain('Changed a workflow');
    expect(rows[0]).toContain('FLOW · start stage: Doing · done stage: Done');
    expect(rows[1]).toContain('Former user');
    expect(rows[1]).toContain('Connected GitHub');
    expect(String(jiraFetchMock.mock.calls[0]![0])).toContain(`accountId=${encodeURIComponent(CLOSED_ACCOUNT)}`);
  });

  it('pages by cursor to older entries and back, saying where it is', async () => {
    jiraFetchMock.mockResolvedValue(userBulkResponse());
    const newest = ok({
      entries: [entry('9', ADMIN_ID, 'data.exported', null)],
      firstEntryNumber: 1,
      approximateTotal: 2,
      olderCursor: 'cursor-2',
    });
    invokeMock
      .mockResolvedValueOnce(newest)
      .mockResolvedValueOnce(
        ok({ entries: [entry('1', ADMIN_ID, 'project.measured', 'FLOW')], firstEntryNumber: 2, approximateTotal: 2, olderCursor: null }),
      )
      .mockResolvedValueOnce(newest);
    render(<AuditLogSection />);
    expect((await screen.findByTestId('audit-log-position')).textContent).toBe('Page 1 · Entries 1–1 of about 2');
    expect(screen.getByRole('button', { name: 'Newer' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Started measuring a project')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('getAuditLog', { cursor: 'cursor-2' });
    expect(screen.getByTestId('audit-log-position').textContent).toBe('Page 2 · Entries 2–2 of 2');
    expect(screen.getByRole('button', { name: 'Older' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('Exported all data')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('getAuditLog', {});
    expect(screen.getByTestId('audit-log-position').textContent).toBe('Page 1 · Entries 1–1 of about 2');
  });

  it('goes back through the very cursors it followed, and to the newest page at once', async () => {
    jiraFetchMock.mockResolvedValue(userBulkResponse());
    const page = (id: string, first: number, olderCursor: string | null) =>
      ok({
        entries: [entry(id, ADMIN_ID, 'project.sync-requested', `page ${id}`)],
        firstEntryNumber: first,
        approximateTotal: 75,
        olderCursor,
      });
    invokeMock.mockImplementation((_key, payload) => {
      const cursor = (payload as { cursor?: string }).cursor;
      return Promise.resolve(cursor === undefined ? page('1', 1, 'to-2') : cursor === 'to-2' ? page('2', 26, 'to-3') : page('3', 51, null));
    });
    render(<AuditLogSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Older' }));
    await screen.findByText('page 2');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('page 3');
    expect(screen.getByTestId('audit-log-position').textContent).toBe('Page 3 · Entries 51–51 of 51');
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('page 2');
    expect(invokeMock).toHaveBeenLastCalledWith('getAuditLog', { cursor: 'to-2' });
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('page 3');
    fireEvent.click(screen.getByRole('button', { name: 'Newest' }));
    await screen.findByText('page 1');
    expect(screen.queryByRole('button', { name: 'Newest' })).toBeNull();
  });

  it('shows a refused connection with its reason in words', async () => {
    jiraFetchMock.mockResolvedValue(userBulkResponse());
    invokeMock.mockResolvedValueOnce(
      ok({
        entries: [entry('5', ADMIN_ID, 'github.connect-refused', 'acme-flow/web-app', { reason: 'bad-credentials', replacing: true })],
        firstEntryNumber: 1,
        approximateTotal: 1,
        olderCursor: null,
      }),
    );
    render(<AuditLogSection />);
    const log = await screen.findByTestId('audit-log');
    const row = within(log).getAllByRole('row')[1]!.textContent;
    expect(row).toContain('GitHub refused a token');
    expect(row).toContain(
      'GitHub token refused: bad credentials (mistyped, expired or revoked) · acme-flow/web-app · while replacing the connected token',
    );
  });

  it('says so when nothing has been changed', async () => {
    invokeMock.mockResolvedValueOnce(ok({ entries: [], firstEntryNumber: 1, approximateTotal: 0, olderCursor: null }));
    render(<AuditLogSection />);
    expect((await screen.findByTestId('audit-log')).textContent).toContain('Nothing has been changed yet.');
    expect(jiraFetchMock).not.toHaveBeenCalled();
  });
});
