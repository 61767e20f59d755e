import { invoke as invokeBridge } from '@forge/bridge';
import { invoke } from './invoke-resolver';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));

const invokeMock = jest.mocked(invokeBridge);

afterEach(() => invokeMock.mockReset());

describe('invoke', () => {
  it('passes the function key and payload to the bridge and returns the data', async () => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: { projects: [] } });

    await expect(invoke('getAuditLog', { cursor: 'page-2' })).resolves.toEqual({ ok: true, data: { projects: [] } });
    expect(invokeMock).toHaveBeenCalledWith('getAuditLog', { cursor: 'page-2' });
  });

  it('sends an empty payload by default', async () => {
    invokeMock.mockResolvedValueOnce({ ok: true, data: null });

    await invoke('getProjectPage');

    expect(invokeMock).toHaveBeenCalledWith('getProjectPage', {});
  });

  it("passes the resolver's typed error through, without extra fields", async () => {
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'No such project.', stack: 'x' } });

    await expect(invoke('getProjectPage')).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such project.' },
    });
  });

  it('turns a bridge failure into UNAVAILABLE without leaking its message', async () => {
    invokeMock.mockRejectedValueOnce(new Error('upstream 502 at https://internal.example/'));

    const result = await invoke('getProjectPage');

    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(JSON.stringify(result)).not.toContain('internal.example');
  });

  it("turns the bridge's own rate limit into RATE_LIMITED", async () => {
    invokeMock.mockRejectedValueOnce(new Error('Resolver calls are rate limited at 500req/25s'));

    await expect(invoke('getProjectPage')).resolves.toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it.each([
    ['nothing', undefined],
    ['a bare value', 'hello'],
    ['data without ok', { data: {} }],
    ['ok without data', { ok: true }],
    ['an unknown error code', { ok: false, error: { code: 'TEAPOT', message: 'no' } }],
    ['an error without a message', { ok: false, error: { code: 'INTERNAL' } }],
  ])('answers INTERNAL when the resolver returns %s', async (_what, answer) => {
    invokeMock.mockResolvedValueOnce(answer);

    await expect(invoke('getProjectPage')).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
