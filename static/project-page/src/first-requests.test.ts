import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { addressNamesAView } from './first-requests';

// No host to talk to: the bridge is only loaded, never called, here.
jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: {} }));

describe('addressNamesAView', () => {
  it('names no view for an address without a search part, as a first open from the sidebar has', async () => {
    await expect(addressNamesAView('')).resolves.toBe(false);
    await expect(addressNamesAView('?')).resolves.toBe(false);
  });

  it("reads any other address by the page's own rules", async () => {
    await expect(addressNamesAView('?tab=flow')).resolves.toBe(true);
    await expect(addressNamesAView('?period=last-30-days')).resolves.toBe(true);
    await expect(addressNamesAView('?tab=overview')).resolves.toBe(false);
    await expect(addressNamesAView('?utm_source=email')).resolves.toBe(false);
  });
});

describe("the page's first script", () => {
  it('imports no components, no Atlaskit, no charts and no flow report: they load beside it, not before its requests', () => {
    const loaded = staticallyImported(path.join(__dirname, 'main.tsx'));
    const refused = [...loaded].filter((module) =>
      /^(react-dom|@atlaskit\/|@visx\/|zod)|\/(views|charts|pull-requests)\/|\.tsx$/.test(module),
    );
    expect(refused.filter((module) => !module.endsWith('/main.tsx'))).toEqual([]);
    // What it must carry: the bridge, and the first open.
    expect(loaded).toContain('@forge/bridge');
    expect([...loaded].some((module) => module.endsWith('/use-project-view.ts'))).toBe(true);
  });
});

/**
 * The modules a file imports for their values, followed through the project's own files (type-only imports, which
 * the build drops, `import()`, which it splits off, and re-exports are not followed): packages by name, files by path.
 */
function staticallyImported(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      // Re-exports are not followed: a barrel's (the domain's) are in the bundle only where something uses them.
      if (!ts.isImportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (specifier === undefined || !ts.isStringLiteral(specifier) || onlyTypes(statement)) continue;
      const name = specifier.text;
      if (!name.startsWith('.')) {
        seen.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
        continue;
      }
      const base = path.resolve(path.dirname(file), name.replace(/\?.*$/, ''));
      const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
      );
      if (found !== undefined) visit(found);
    }
  };
  visit(entry);
  return seen;
}

function onlyTypes(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}
