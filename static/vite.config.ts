import { build, defineConfig } from 'vite';
import { isPage, PAGES, pageConfig } from './tooling/page-build-config.ts';

/**
 * Builds the Custom UI. Forge uploads each resource folder on its own, so every page builds into a
 * self-contained folder with relative asset paths: `static/build/<page>/index.html` and its `assets/`.
 *
 * `vite build --config static/vite.config.ts` builds every page, one after the other.
 * `FLOW_UI_PAGE=<page>` builds (or dev-serves) just that one.
 */

const requested = process.env.FLOW_UI_PAGE;
if (requested !== undefined && !isPage(requested)) {
  throw new Error(`FLOW_UI_PAGE must be one of ${PAGES.join(', ')}; got "${requested}"`);
}
const [firstPage, ...otherPages] = requested !== undefined && isPage(requested) ? [requested] : PAGES;

export default defineConfig({
  ...pageConfig(firstPage),
  // An app build: the first page is this config's own client build, the others follow in turn.
  builder: {
    async buildApp(builder) {
      const client = builder.environments.client;
      if (client === undefined) throw new Error('Vite set up no client environment to build');
      await builder.build(client);
      for (const page of otherPages) {
        await build({ ...pageConfig(page), configFile: false });
      }
    },
  },
});
