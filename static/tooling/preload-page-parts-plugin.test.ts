import type { HtmlTagDescriptor, IndexHtmlTransformContext, Rolldown } from 'vite';
import { preloadPageParts } from './preload-page-parts-plugin';

type Chunk = Rolldown.OutputChunk & { viteMetadata: { importedCss: Set<string> } };

function chunk(
  fileName: string,
  facadeModuleId: string | null,
  parts: { imports?: string[]; dynamicImports?: string[]; css?: string[] } = {},
) {
  return {
    type: 'chunk',
    fileName,
    facadeModuleId,
    imports: parts.imports ?? [],
    dynamicImports: parts.dynamicImports ?? [],
    viteMetadata: { importedCss: new Set(parts.css ?? []) },
  } as unknown as Chunk;
}

/** The tags the plugin adds to a page whose entry is `entry`, in a build of `chunks`. */
function tagsFor(entry: Chunk, chunks: Chunk[]): HtmlTagDescriptor[] {
  const hook = preloadPageParts().transformIndexHtml as { handler: unknown };
  const bundle = Object.fromEntries([entry, ...chunks].map((part) => [part.fileName, part]));
  const context = { path: '/index.html', filename: 'index.html', bundle, chunk: entry } as unknown as IndexHtmlTransformContext;
  return (hook.handler as (html: string, ctx: IndexHtmlTransformContext) => HtmlTagDescriptor[]).call(undefined as never, '', context);
}

const links = (tags: HtmlTagDescriptor[]) => tags.map((tag) => `${String(tag.attrs?.rel)} ${String(tag.attrs?.href)}`);

describe('preloadPageParts', () => {
  const runtime = chunk('assets/runtime.js', null);
  const shared = chunk('assets/shared.js', '/app/static/project-page/src/project-tabs.ts', { imports: ['assets/runtime.js'] });
  const components = chunk('assets/show-page.js', '/app/static/project-page/src/show-page.tsx', {
    imports: ['assets/runtime.js', 'assets/shared.js'],
    css: ['assets/show-page.css'],
  });
  const theme = chunk('assets/atlassian-dark.js', '/app/node_modules/@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js');

  it("links the page's own parts imported on demand, what they import, and their styles, for the browser to fetch with the entry", () => {
    const entry = chunk('assets/index.js', '/app/static/project-page/index.html', {
      imports: ['assets/runtime.js'],
      dynamicImports: ['assets/show-page.js', 'assets/shared.js'],
      css: ['assets/index.css'],
    });
    expect(links(tagsFor(entry, [runtime, shared, components]))).toEqual([
      'modulepreload ./assets/show-page.js',
      'modulepreload ./assets/shared.js',
      'stylesheet ./assets/show-page.css',
    ]);
  });

  it('leaves what libraries import on demand to them: it may never be needed', () => {
    const entry = chunk('assets/index.js', '/app/static/settings-page/index.html', { dynamicImports: ['assets/atlassian-dark.js'] });
    expect(tagsFor(entry, [theme])).toEqual([]);
  });
});
