import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates the simulated site's answers, and the requests made to it, against Atlassian's published OpenAPI
 * descriptions, so the simulation is held to the real contract rather than to anyone's memory of it. Test
 * support only.
 */
/** Atlassian's descriptions, cut to the operations used (dev/contracts/README.md says from where). */
const JIRA_DESCRIPTION = path.resolve(__dirname, '../contracts/jira-platform.subset.openapi.json');
/** Jira Software's agile REST API (boards), which Atlassian publishes apart from the platform's. */
export const JIRA_SOFTWARE_DESCRIPTION = path.resolve(__dirname, '../contracts/jira-software.subset.openapi.json');

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

interface ParameterDescription {
  in?: string;
  name?: string;
  required?: boolean;
  schema?: { type?: string; items?: { type?: string } };
  $ref?: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; parameters?: ParameterDescription[] }>>;
  components?: { schemas: Record<string, unknown> };
}

/** A parameter's text as the server reads it: numbers and booleans from their digits and words, the rest as sent. */
function asTyped(text: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
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

  /**
   * Problems with a request to that operation, or an empty list: every path and query parameter sent must be
   * one the description declares, with a value its schema accepts, and every required one must be there.
   */
  requestErrors(method: string, template: string, pathAndQuery: string): string[] {
    const operation = this.spec.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`no ${method} ${template} in the description`);
    const url = new URL(pathAndQuery, 'http://jira.invalid');
    const templateSegments = template.split('/');
    const pathSegments = url.pathname.split('/');
    if (templateSegments.length !== pathSegments.length) return [`${url.pathname} is not a path of ${template}`];
    const sent = new Map<string, string[]>();
    const problems: string[] = [];
    templateSegments.forEach((segment, index) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      if (name) sent.set(`path ${name}`, [decodeURIComponent(pathSegments[index]!)]);
      else if (segment !== pathSegments[index]) problems.push(`${url.pathname} is not a path of ${template}`);
    });
    for (const [name, value] of url.searchParams) sent.set(`query ${name}`, [...(sent.get(`query ${name}`) ?? []), value]);
    (operation.parameters ?? []).forEach((parameter, index) => {
      if (parameter.$ref)
        throw new Error(`${method} ${template}: parameter ${parameter.$ref} is a reference, which this check does not read`);
      const where = `${parameter.in} ${parameter.name}`;
      const values = sent.get(where);
      sent.delete(where);
      if (!values) {
        if (parameter.required) problems.push(`${where}: required, not sent`);
        return;
      }
      const schema = parameter.schema ?? {};
      const value =
        schema.type === 'array' ? values.map((text) => asTyped(text, schema.items?.type)) : asTyped(values.at(-1)!, schema.type);
      const pointer = ['paths', template, method.toLowerCase(), 'parameters', String(index), 'schema'].map(escapePointer).join('/');
      const key = `parameter ${pointer}`;
      let validate = this.cache.get(key);
      if (!validate) {
        validate = this.ajv.compile({ $ref: `spec#/${pointer}` });
        this.cache.set(key, validate);
      }
      if (!validate(value))
        problems.push(...(validate.errors ?? []).map((e) => `${where}: ${e.message ?? ''} ${JSON.stringify(e.params)}`));
    });
    for (const where of sent.keys()) problems.push(`${where}: not a parameter of ${method} ${template}`);
    return problems;
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
