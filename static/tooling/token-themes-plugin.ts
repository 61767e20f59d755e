import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Serves Atlassian's design-token themes as one ordinary stylesheet.
 *
 * `@atlaskit/tokens` ships each theme as a JS module whose default export is a CSS string, meant to be
 * injected at runtime as a `<style>` element. Forge's Content Security Policy only accepts styles from
 * the app's own files, so the themes are instead turned into CSS at build time: Vite bundles the result
 * into the page's stylesheet, loaded with `<link>`.
 *
 * Every rule is keyed on the `<html>` attributes `data-theme` and `data-color-mode`, which the host sets
 * when the app calls `view.theme.enable()`; without them the `token()` fallbacks apply (light theme).
 */

/** The import that pulls the themes into a page. Ends in `.css`, so Vite's CSS pipeline handles it. */
const TOKEN_THEMES_MODULE_ID = 'virtual:token-themes.css';
const RESOLVED_ID = `\0${TOKEN_THEMES_MODULE_ID}`;

/** The themes Jira's default theme state names (`light:light dark:dark spacing:spacing ...`). */
const THEME_ARTIFACTS = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
  'atlassian-motion',
] as const;

export function readThemeCss(): string {
  const require = createRequire(import.meta.url);
  return THEME_ARTIFACTS.map((name) => {
    const loaded: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`);
    const css = (loaded as { default?: unknown }).default;
    if (typeof css !== 'string') {
      throw new Error(`@atlaskit/tokens: theme ${name} did not export a CSS string`);
    }
    return `/* ${name} */\n${css.trim()}\n`;
  }).join('\n');
}

export function tokenThemes(): Plugin {
  return {
    name: 'flow-metrics:token-themes',
    resolveId(id) {
      return id === TOKEN_THEMES_MODULE_ID ? RESOLVED_ID : null;
    },
    load(id) {
      return id === RESOLVED_ID ? readThemeCss() : null;
    },
  };
}
