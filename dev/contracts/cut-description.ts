import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Cuts a published API description down to what this project uses, so the repository carries the contract
 * its simulations are checked against without carrying megabytes of unrelated operations.
 *
 *   tsx dev/contracts/cut-description.ts <published.json> <out.json> "get /rest/api/3/field" ...
 *       keeps those operations and every component they reach (OpenAPI 3 `#/components/...` or
 *       Swagger 2 `#/definitions/...`), unchanged. `"webhook pull-request-opened"` keeps that entry of an
 *       OpenAPI 3.1 description's `webhooks` (the deliveries a service sends) the same way.
 *   tsx dev/contracts/cut-description.ts --scopes <published.json> <out.json>
 *       keeps every operation, reduced to its declared OAuth scopes: what Forge's scope linter reads to
 *       decide which scopes a `requestJira` call needs. Every path stays, so an unknown path cannot pass
 *       the linter by being absent.
 *
 * Where each published description comes from is written in this folder's README.
 */
type Json = Record<string, unknown>;
type Operations = Record<string, Record<string, Json>>;

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function reachableComponents(document: Json, roots: unknown[]): Json {
  const kept: Record<string, Json> = {};
  const pending = [...roots];
  while (pending.length > 0) {
    const text = JSON.stringify(pending.pop());
    for (const [, pointer] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const segments = (pointer ?? '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const [section, kind, name] = segments;
      const container = section === 'components' ? ((document.components as Json)[kind!] as Json) : (document[section!] as Json);
      const key = section === 'components' ? name! : kind!;
      const holder = section === 'components' ? `components/${kind}` : section!;
      kept[holder] ??= {};
      if (key in kept[holder]) continue;
      const value = container?.[key];
      if (value === undefined) throw new Error(`#/${pointer} is not in the description`);
      kept[holder][key] = value;
      pending.push(value);
    }
  }
  const cut: Json = {};
  for (const [holder, entries] of Object.entries(kept)) {
    const [section, kind] = holder.split('/');
    if (kind) ((cut[section!] ??= {}) as Json)[kind] = entries;
    else cut[section!] = entries;
  }
  return cut;
}

function cutOperations(document: Json, wanted: string[]): Json {
  const source = (document.paths ?? {}) as Operations;
  const paths: Operations = {};
  const webhooks: Operations = {};
  for (const entry of wanted) {
    const [method, template] = entry.trim().split(/\s+/) as [string, string];
    if (method === 'webhook') {
      const webhook = (document.webhooks as Operations | undefined)?.[template];
      if (!webhook) throw new Error(`${entry} is not in the description`);
      webhooks[template] = webhook;
      continue;
    }
    const operation = source[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${entry} is not in the description`);
    (paths[template] ??= {})[method.toLowerCase()] = operation;
  }
  const { paths: _all, webhooks: _webhooks, components: _components, definitions: _definitions, tags: _tags, ...head } = document;
  const kept = Object.keys(webhooks).length > 0 ? { webhooks } : { paths };
  return { ...head, ...kept, ...reachableComponents(document, [...Object.values(paths), ...Object.values(webhooks)]) };
}

function scopesOnly(document: Json): Json {
  const paths: Operations = {};
  for (const [template, operations] of Object.entries(document.paths as Operations)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!HTTP_METHODS.has(method)) continue;
      const { security, 'x-atlassian-oauth2-scopes': scopes } = operation;
      (paths[template] ??= {})[method] = { ...(security ? { security } : {}), ...(scopes ? { 'x-atlassian-oauth2-scopes': scopes } : {}) };
    }
  }
  return { info: document.info, paths };
}

const args = process.argv.slice(2);
const scopes = args[0] === '--scopes';
const [input, output, ...operations] = scopes ? args.slice(1) : args;
if (!input || !output || (!scopes && operations.length === 0)) {
  console.error('usage: cut-description.ts [--scopes] <published.json> <out.json> ["method /path" ...]');
  process.exit(2);
}
const document = JSON.parse(readFileSync(input, 'utf8')) as Json;
writeFileSync(output, `${JSON.stringify(scopes ? scopesOnly(document) : cutOperations(document, operations), null, 1)}\n`);
