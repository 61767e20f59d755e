import { view } from '@forge/bridge';
import { getThemeHtmlAttrs } from '@atlaskit/tokens/get-theme-html-attrs';
import { hostTheming } from './host-theming';

/**
 * Light and dark theming.
 *
 * The token CSS for the light, dark, spacing, typography, shape and motion themes is bundled with
 * each page (see `tooling/token-themes-plugin.ts`); which of it applies is chosen by two attributes on
 * `<html>`: `data-theme` (e.g. `dark:dark light:light spacing:spacing ...`) and `data-color-mode`
 * (`light` or `dark`). `view.theme.enable()` asks the host (bridge method `enableTheming`) to set
 * them and to keep them in step with Jira's theme.
 *
 * If the host cannot theme the page, the page themes itself once from the colour mode in the Forge
 * context (`view.getContext().theme.colorMode`), or else from the operating system's preference.
 */

export type ColorMode = 'light' | 'dark';

const COLOR_MODE_ATTRIBUTE = 'data-color-mode';

function systemColorMode(): ColorMode {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  return query?.matches === true ? 'dark' : 'light';
}

function colorModeOf(value: unknown): ColorMode | 'auto' | null {
  return value === 'light' || value === 'dark' || value === 'auto' ? value : null;
}

/** Sets the theme attributes on `<html>` for the default Atlassian themes in the given colour mode. */
export function applyColorMode(colorMode: ColorMode, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(getThemeHtmlAttrs({ colorMode }))) {
    root.setAttribute(name, value);
  }
}

async function contextColorMode(): Promise<ColorMode | 'auto' | null> {
  try {
    const context = await view.getContext();
    return colorModeOf(context.theme?.colorMode);
  } catch {
    return null;
  }
}

/** Turns theming on. Resolves once the page has a theme; never rejects. */
export async function enableTheming(root: HTMLElement = document.documentElement): Promise<void> {
  try {
    await hostTheming();
  } catch {
    // A host without theming support: fall through to theming the page here.
  }
  if (root.hasAttribute(COLOR_MODE_ATTRIBUTE)) return;
  const fromContext = await contextColorMode();
  if (root.hasAttribute(COLOR_MODE_ATTRIBUTE)) return;
  applyColorMode(fromContext === 'light' || fromContext === 'dark' ? fromContext : systemColorMode(), root);
}
