import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { cspGuard } from './csp-guard-plugin.ts';
import { preloadPageParts } from './preload-page-parts-plugin.ts';
import { tokenThemes } from './token-themes-plugin.ts';

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One entry per Forge resource in manifest.yml; the folder name is the resource key. */
export const PAGES = ['project-page', 'settings-page'] as const;
export type Page = (typeof PAGES)[number];

export function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value);
}

/** How one page builds: from `static/<page>/index.html` into the self-contained `static/build/<page>/`. */
export function pageConfig(page: Page): UserConfig {
  return {
    root: path.join(STATIC_DIR, page),
    base: './',
    publicDir: false,
    plugins: [react(), tokenThemes(), preloadPageParts(), cspGuard()],
    build: {
      outDir: path.join(STATIC_DIR, 'build', page),
      emptyOutDir: true,
      target: 'es2022',
      // The polyfill would be bundled into the entry, not inlined, but no supported browser needs it.
      modulePreload: { polyfill: false },
      // Inlined `data:` assets may fall foul of the host's CSP; keep every asset a file.
      assetsInlineLimit: 0,
      sourcemap: false,
      // Each page carries React, the Atlaskit components and the bridge in its own folder: 832 kB for the
      // settings in one entry; for the project page an 86 kB entry that sends the first requests, and the
      // components it imports (803 kB, 235 kB gzipped) with the flow report's code (156 kB) beside them (see
      // project-page/src/first-requests.ts), most of it libraries. Splitting the libraries into chunks of their
      // own (rolldown's codeSplitting groups) broke Atlaskit's module start-up order at run time, and would not
      // make the page lighter. The limit sits well above today's largest chunk, so the warning still means what
      // it says: the page has grown, look at what was added (loading the less used tabs on demand is the way
      // to make it smaller).
      chunkSizeWarningLimit: 1200,
    },
  };
}
