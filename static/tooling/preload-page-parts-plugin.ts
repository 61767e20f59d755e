import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';

/**
 * Has the browser fetch the parts a page's entry imports on demand together with the entry itself.
 *
 * Why: the project page's entry is kept small so that its first requests leave before the rest of the script
 * (the components) is compiled and run, which it then imports (see project-page/src/first-requests.ts). Left to
 * the import, the browser would ask for that rest only once the entry has arrived and run: a round trip more
 * before the page can draw. A `modulepreload` link for each of its scripts, and a stylesheet link for its
 * styles (as the entry's own would be), starts them with the page.
 */
export function preloadPageParts(): Plugin {
  return {
    name: 'flow-metrics:preload-page-parts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (bundle === undefined || chunk === undefined) return [];
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const part = bundle[fileName];
          if (part?.type !== 'chunk' || scripts.has(fileName)) return;
          scripts.add(fileName);
          for (const style of stylesOf(part)) styles.add(style);
          part.imports.forEach(visit);
        };
        // The page's own parts only: what libraries import on demand (a theme's tokens, say) may never be needed.
        for (const fileName of chunk.dynamicImports) {
          const part = bundle[fileName];
          if (part?.type === 'chunk' && part.facadeModuleId !== null && !part.facadeModuleId.includes('/node_modules/')) visit(fileName);
        }
        // What the entry loads anyway is linked already.
        const own = new Set([chunk.fileName, ...chunk.imports, ...stylesOf(chunk)]);
        const link = (rel: string, fileName: string): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `./${fileName}` },
          injectTo: 'head',
        });
        return [
          ...[...scripts].filter((fileName) => !own.has(fileName)).map((fileName) => link('modulepreload', fileName)),
          ...[...styles].filter((fileName) => !own.has(fileName)).map((fileName) => link('stylesheet', fileName)),
        ];
      },
    },
  };
}

/** The stylesheets Vite extracted from a chunk's modules. */
function stylesOf(chunk: Rolldown.OutputChunk): Iterable<string> {
  return (chunk as Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [];
}
