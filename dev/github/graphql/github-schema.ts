import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * GitHub's own GraphQL schema, as GitHub publishes it (the `@octokit/graphql-schema` package copies it from
 * GitHub's public schema file, version by version). The simulated endpoint validates and executes every
 * query against it, so a field or argument GitHub does not have is refused here as it would be there, and
 * every answer has the types GitHub's schema says.
 *
 * The published SDL repeats two enterprise fields, which graphql-js's SDL check refuses; nothing here uses
 * them, so the check is skipped (`assumeValidSDL`). Built once per process: it takes a second or two.
 */
let schema: GraphQLSchema | null = null;

export function githubSchema(): GraphQLSchema {
  if (!schema) {
    schema = buildSchema(readFileSync(schemaFile(), 'utf8'), { assumeValidSDL: true });
  }
  return schema;
}

/** The package exports only its ES module, which reads the file itself; the file is found as Node would find the package. */
function schemaFile(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@octokit', 'graphql-schema', 'schema.graphql');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('@octokit/graphql-schema is not installed (npm ci installs it for development).');
  }
}
