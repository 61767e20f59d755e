import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates the simulated site's answers against Atlassian's published OpenAPI description, so the
 * simulation is held to the real contract rather than to anyone's memory of it. Test support only.
 */
/** Atlassian's description, cut to the operations used (dev/contracts/README.md says from where). */
const JIRA_DESCRIPTION = path.resolve(__dirname, '../contracts/jira-platform.subset.openapi.json');

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly spec: OpenApiDocument;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(specFile: string = JIRA_DESCRIPTION) {
    this.spec = JSON.parse(readFileSync(specFile, 'utf8')) as OpenApiDocument;
    // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (xml, example): not errors here.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addSchema(this.spec, 'spec');
  }

  /** True when the description defines a JSON body for this operation and status. */
  hasSchema(method: string, template: string, status: number): boolean {
    const response = this.spec.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)] as
      { content?: Record<string, { schema?: unknown }> } | undefined;
    return response?.content?.['application/json']?.schema !== undefined;
  }

  /**
   * Schema errors of `body` for that operation's response, or an empty list. Throws if there is no schema.
   * (A missing `toString` field fails as "must be string": the validator finds Object's method. That is
   * the right verdict, since a client would trip over it too.)
   */
  errors(method: string, template: string, status: number, body: unknown): string[] {
    if (!this.hasSchema(method, template, status)) {
      throw new Error(`no ${status} JSON schema for ${method} ${template} in the description`);
    }
    const key = `${method} ${template} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const pointer = ['paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema']
        .map(escapePointer)
        .join('/');
      validate = this.ajv.compile({ $ref: `spec#/${pointer}` });
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** Errors of `body` against a named component schema (for bodies whose operation gives none). */
  componentErrors(name: string, body: unknown): string[] {
    const key = `component ${name}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `spec#/components/schemas/${escapePointer(name)}` });
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}
