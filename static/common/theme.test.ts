/** @jest-environment jsdom */
import '../testing/atlaskit-test-env';
import { view } from '@forge/bridge';
import { startHostTheming } from './host-theming';
import { applyColorMode, enableTheming } from './theme';

jest.mock('@forge/bridge', () => ({ view: { theme: { enable: jest.fn() }, getContext: jest.fn() } }));

const enableMock = jest.mocked(view.theme.enable);
const getContextMock = jest.mocked(view.getContext);
const html = document.documentElement;

function clearThemeAttributes(): void {
  for (const name of html.getAttributeNames()) {
    if (name.startsWith('data-')) html.removeAttribute(name);
  }
}

function preferDarkScheme(prefersDark: boolean): void {
  window.matchMedia = ((query: string) => ({ matches: prefersDark && query.includes('dark'), media: query })) as never;
}

beforeEach(() => {
  clearThemeAttributes();
  enableMock.mockReset();
  getContextMock.mockReset();
  preferDarkScheme(false);
});

describe('enableTheming', () => {
  it("takes the host's theming started with the page's first requests, once", async () => {
    enableMock.mockImplementationOnce(() => {
      html.setAttribute('data-color-mode', 'light');
      return Promise.resolve();
    });
    startHostTheming();
    expect(enableMock).toHaveBeenCalledTimes(1);

    await enableTheming();
    expect(enableMock).toHaveBeenCalledTimes(1);
    await enableTheming();
    expect(enableMock).toHaveBeenCalledTimes(2);
  });

  it('themes the page itself when the theming started early finds a host that cannot theme', async () => {
    enableMock.mockRejectedValueOnce(new Error('not supported'));
    getContextMock.mockResolvedValueOnce({ theme: { colorMode: 'dark' } } as never);
    startHostTheming();

    await enableTheming();

    expect(enableMock).toHaveBeenCalledTimes(1);
    expect(html.getAttribute('data-color-mode')).toBe('dark');
  });

  it('leaves theming to the host when it sets the theme attributes', async () => {
    enableMock.mockImplementationOnce(() => {
      html.setAttribute('data-color-mode', 'dark');
      html.setAttribute('data-theme', 'dark:dark light:light');
      return Promise.resolve();
    });

    await enableTheming();

    expect(enableMock).toHaveBeenCalledTimes(1);
    expect(getContextMock).not.toHaveBeenCalled();
    expect(html.getAttribute('data-color-mode')).toBe('dark');
  });

  it("uses the context's colour mode when the host does not theme the page", async () => {
    enableMock.mockResolvedValueOnce(undefined);
    getContextMock.mockResolvedValueOnce({ theme: { colorMode: 'dark' } } as never);

    await enableTheming();

    expect(html.getAttribute('data-color-mode')).toBe('dark');
    expect(html.getAttribute('data-theme')).toContain('dark:dark');
    expect(html.getAttribute('data-theme')).toContain('light:light');
  });

  it("falls back to the system's preference when neither host nor context know the theme", async () => {
    enableMock.mockRejectedValueOnce(new Error('enableTheming not supported'));
    getContextMock.mockRejectedValueOnce(new Error('no context'));
    preferDarkScheme(true);

    await expect(enableTheming()).resolves.toBeUndefined();

    expect(html.getAttribute('data-color-mode')).toBe('dark');
  });

  it("resolves an 'auto' context colour mode from the system's preference", async () => {
    enableMock.mockResolvedValueOnce(undefined);
    getContextMock.mockResolvedValueOnce({ theme: { colorMode: 'auto' } } as never);

    await enableTheming();

    expect(html.getAttribute('data-color-mode')).toBe('light');
  });
});

describe('applyColorMode', () => {
  it('sets the attributes the bundled token themes are keyed on', () => {
    applyColorMode('light');
    expect(html.getAttribute('data-color-mode')).toBe('light');
    expect(html.getAttribute('data-theme')).toMatch(/(^| )light:light( |$)/);
    expect(html.getAttribute('data-theme')).toMatch(/(^| )spacing:spacing( |$)/);
  });
});
