/** @jest-environment jsdom */
import '../testing/atlaskit-test-env';
import { act, renderHook, waitFor } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { deferred, failed, ok } from '../testing/resolver-fixtures';
import { startAnswer, takeStartedAnswer } from './started-answers';
import { useResolver } from './use-resolver';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));

const invokeMock = jest.mocked(invoke);

afterEach(() => invokeMock.mockReset());

describe('useResolver', () => {
  it("takes the answer the page's script started for its first call, and asks anew after", async () => {
    const started = deferred<unknown>();
    invokeMock.mockReturnValueOnce(started.promise).mockResolvedValueOnce(ok('asked again'));
    startAnswer('getSyncState');
    expect(invokeMock).toHaveBeenCalledTimes(1);

    const { result } = renderHook(() => useResolver('getSyncState'));
    expect(invokeMock).toHaveBeenCalledTimes(1);
    await act(() => {
      started.resolve(ok('started'));
      return started.promise;
    });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'started' }));

    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'asked again' }));
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('does not take an answer started for another payload', async () => {
    invokeMock.mockResolvedValueOnce(ok('for FLOW')).mockResolvedValueOnce(ok('for BUG'));
    startAnswer('getProjectWorkflow', { projectKey: 'FLOW' });

    const { result } = renderHook(() => useResolver('getProjectWorkflow', { projectKey: 'BUG' }));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'for BUG' }));
    expect(invokeMock).toHaveBeenLastCalledWith('getProjectWorkflow', { projectKey: 'BUG' });
    // Still there for its own call (taken here, so no later test finds it).
    await expect(takeStartedAnswer('getProjectWorkflow', JSON.stringify({ projectKey: 'FLOW' }))).resolves.toEqual(ok('for FLOW'));
  });

  it('loads on mount and reports the answer', async () => {
    invokeMock.mockResolvedValueOnce(ok({ n: 1 }));

    const { result } = renderHook(() => useResolver('getSyncState'));

    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: { n: 1 } }));
  });

  it('drops the answer of a call that a newer one superseded', async () => {
    const first = deferred<unknown>();
    invokeMock.mockReturnValueOnce(first.promise).mockResolvedValueOnce(ok('second'));

    const { result } = renderHook(() => useResolver('getSyncState'));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'second' }));

    await act(() => {
      first.resolve(ok('first'));
      return first.promise;
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 'second' });
  });

  it('lets a slow call finish instead of starting a background refresh over it', async () => {
    const slow = deferred<unknown>();
    invokeMock.mockResolvedValueOnce(ok('first')).mockReturnValueOnce(slow.promise);

    const { result } = renderHook(() => useResolver('getSyncState'));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'first' }));

    act(() => result.current.refresh());
    act(() => result.current.refresh());
    expect(invokeMock).toHaveBeenCalledTimes(2);

    await act(() => {
      slow.resolve(ok('second'));
      return slow.promise;
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 'second' });

    invokeMock.mockResolvedValueOnce(ok('third'));
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'third' }));
  });

  it('shows an error from a background refresh only when there is no data to keep', async () => {
    invokeMock.mockResolvedValueOnce(failed('INTERNAL', 'broken')).mockResolvedValueOnce(failed('UNAVAILABLE', 'still down'));

    const { result } = renderHook(() => useResolver('getSyncState'));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'INTERNAL' } }));

    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'UNAVAILABLE' } }));
  });

  it('calls again when the payload changes, not when only its identity does', async () => {
    invokeMock.mockResolvedValue(ok(null));

    const { rerender } = renderHook(({ id }) => useResolver('getProjectWorkflow', { projectKey: id }), { initialProps: { id: 'A' } });
    await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(1));

    rerender({ id: 'A' });
    rerender({ id: 'B' });
    await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(2));
    expect(invokeMock).toHaveBeenLastCalledWith('getProjectWorkflow', { projectKey: 'B' });
  });
});
