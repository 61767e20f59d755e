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
const requestJiraMock = jest.mocked(requestJira);
const CLOSED_ACCOUNT = '557058:00000000-0000-0000-0000-000000000000';

const entry = (id: string, actorAccountId: string, action: AuditEntry['action'], subject: string | null, details: AuditEntry['details'] = {}): AuditEntry => ({
  id,
  at: '2026-03-10T12:00:00.000Z',
  actorAccountId,
  action,
  subject,
  details,
});

afterEach(() => {
  invokeMock.mockReset();
  requestJiraMock.mockReset();
});

describe('the audit log section', () => {
  it('lists who did what, with names looked up in the browser', async () => {
    requestJiraMock.mockResolvedValue(userBulkResponse());
    invokeMock.mockResolvedValueOnce(
      ok({
        entries: [
          entry('2', ADMIN_ID, 'workflow.changed', 'FLOW', { startStage: 'Doing', doneStage: 'Done' }),
          entry('1', CLOSED_ACCOUNT, 'github.connected', 'acme-flow/web-app', { tokenKind: 'fine-grained' }),
        ],
        page: 3,
        olderPage: 2,
      }),
    );
    render(<AuditLogSection />);
    const log = await screen.findByTestId('audit-log');
    await waitFor(() => expect(within(log).getAllByRole('row')[1]!.textContent).toContain('Ada Admin'));
    const rows = within(log).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows[0]).toContain('Changed a workflow');
    expect(rows[0]).toContain('FLOW · start stage: Doing · done stage: Done');
    expect(rows[1]).toContain('Former user');
    expect(rows[1]).toContain('Connected GitHub');
    expect(String(requestJiraMock.mock.calls[0]![0])).toContain(`accountId=${encodeURIComponent(CLOSED_ACCOUNT)}`);
  });

  it('pages to older entries and back', async () => {
    requestJiraMock.mockResolvedValue(userBulkResponse());
    invokeMock
      .mockResolvedValueOnce(ok({ entries: [entry('9', ADMIN_ID, 'data.exported', null)], page: 2, olderPage: 1 }))
      .mockResolvedValueOnce(ok({ entries: [entry('1', ADMIN_ID, 'project.measured', 'FLOW')], page: 1, olderPage: null }))
      .mockResolvedValueOnce(ok({ entries: [entry('9', ADMIN_ID, 'data.exported', null)], page: 2, olderPage: 1 }));
    render(<AuditLogSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Older entries' }));
    expect(await screen.findByText('Started measuring a project')).toBeTruthy();
    expect(invokeMock).toHaveBeenLastCalledWith('getAuditLog', { page: 1 });
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Newest' }));
    expect(await screen.findByText('Exported all data')).toBeTruthy();
  });

  it('says so when nothing has been changed', async () => {
    invokeMock.mockResolvedValueOnce(ok({ entries: [], page: null, olderPage: null }));
    render(<AuditLogSection />);
    expect((await screen.findByTestId('audit-log')).textContent).toContain('Nothing has been changed yet.');
    expect(requestJiraMock).not.toHaveBeenCalled();
  });
});
