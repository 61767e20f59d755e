/** @jest-environment jsdom */
import { act, screen } from '@testing-library/react';
import { view } from '@forge/bridge';
import { mountPage } from './mount-page';

jest.mock('@forge/bridge', () => ({ view: { theme: { enable: jest.fn() }, getContext: jest.fn() } }));

describe('mountPage', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('themes the document, then renders the page into #root', async () => {
    jest.mocked(view.theme.enable).mockImplementationOnce(() => {
      document.documentElement.setAttribute('data-color-mode', 'dark');
      return Promise.resolve();
    });
    document.body.innerHTML = '<div id="root"></div>';

    await act(() => mountPage(<p data-testid="page">hello</p>));

    expect(view.theme.enable).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('page').textContent).toBe('hello');
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
  });

  it('renders anyway when the host never answers the theming call', async () => {
    jest.useFakeTimers();
    jest.mocked(view.theme.enable).mockReturnValueOnce(new Promise(() => {}));
    document.body.innerHTML = '<div id="root"></div>';

    const mounted = mountPage(<p data-testid="page">hello</p>);
    await act(() => jest.advanceTimersByTimeAsync(1000));
    await act(() => mounted);

    expect(screen.getByTestId('page').textContent).toBe('hello');
    jest.useRealTimers();
  });

  it('needs a #root element', async () => {
    await expect(mountPage(<p />)).rejects.toThrow('#root');
  });
});
