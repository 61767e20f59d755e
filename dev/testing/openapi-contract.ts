import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks a simulated service's answers against the official API description it imitates (OpenAPI 3 for
 * GitHub, Swagger 2 for Slack), so the simulations are held to the real contract rather than to memory.
 *
 * The descriptions are read as published, with three readings made explicit here:
 * - `discriminator` (OpenAPI 3) is dropped: Ajv cannot apply its `mapping`, and the `oneOf` it annotates
 *   already decides between the variants.
 * - Slack writes unions as `items: [A, B]` on schemas that are not arrays (e.g. "a message or null"); read
 *   literally, that constrains nothing, so it is read as the `anyOf` it means.
 * - GitHub's `format: timestamp` is not a JSON Schema format; it annotates an integer and is accepted as is.
 */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
/** The official descriptions, cut to what is used: dev/contracts/README.md says from where. */
const SPEC_DIR = path.join(PROJECT_ROOT, 'dev/contracts');

export interface ContractCheck {
  valid: boolean;
  /** Readable problems, `where: what`, empty when valid. */
  problems: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (!isObject(node)) return node;
  const copy: Json = {};
  for (const [name, value] of Object.entries(node)) {
    if (name === 'discriminator' && isObject(value) && 'propertyName' in value) continue;
    copy[name] = normalise(value);
  }
  if (Array.isArray(copy.items) && copy.type !== 'array') {
    copy.anyOf = copy.items;
    delete copy.items;
  }
  return copy;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly document: Json;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly id: string;

  constructor(fileName: string) {
    this.document = normalise(JSON.parse(readFileSync(path.join(SPEC_DIR, fileName), 'utf8'))) as Json;
    this.id = `spec:${fileName}`;
    // Not strict: the descriptions carry OpenAPI keywords (example, readOnly, x-github, …) that are not JSON Schema.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    this.ajv.addFormat('timestamp', true);
    this.ajv.addSchema(this.document, this.id);
  }

  /**
   * Validates a response body for `method pathTemplate` against the response documented for `status`, or the
   * `default` response when that status is not listed. Slack answers failures with HTTP 200 but describes
   * them as its `default` response, so its callers name `'default'` for `ok: false` bodies.
   */
  check(method: string, pathTemplate: string, status: number | 'default', body: unknown): ContractCheck {
    const pointer = this.responseSchemaPointer(method.toLowerCase(), pathTemplate, status);
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${this.id}#${pointer}` });
      this.validators.set(pointer, validate);
    }
    const valid = validate(body);
    const problems = (validate.errors ?? []).map(
      (error) =>
        `${error.instancePath || '(body)'}: ${error.message ?? 'invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
    );
    return { valid, problems: valid ? [] : problems };
  }

  /**
   * Validates a webhook delivery's body against the `webhooks` entry of an OpenAPI 3.1 description (the
   * deliveries a service sends, e.g. GitHub's `pull-request-opened`), and its headers against the header
   * parameters the entry marks required.
   */
  checkWebhook(name: string, headers: Record<string, string>, body: unknown): ContractCheck {
    const pointer = `/webhooks/${escapePointer(name)}/post`;
    const operation = this.resolve(pointer);
    const problems: string[] = [];
    const sent = new Set(Object.keys(headers).map((header) => header.toLowerCase()));
    for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
      if (parameter.in === 'header' && parameter.required === true && !sent.has(String(parameter.name).toLowerCase()))
        problems.push(`header ${String(parameter.name)}: missing`);
    }
    const schemaPointer = `${pointer}/requestBody/content/application~1json/schema`;
    let validate = this.validators.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${this.id}#${schemaPointer}` });
      this.validators.set(schemaPointer, validate);
    }
    if (!validate(body)) {
      for (const error of validate.errors ?? [])
        problems.push(
          `${error.instancePath || '(body)'}: ${error.message ?? 'invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
        );
    }
    return { valid: problems.length === 0, problems };
  }

  /** Whether the description lists this status (or a default) for the operation. */
  documentsStatus(method: string, pathTemplate: string, status: number): boolean {
    const responses = this.operation(method.toLowerCase(), pathTemplate).responses as Json;
    return String(status) in responses || 'default' in responses;
  }

  private operation(method: string, pathTemplate: string): Json {
    const paths = this.document.paths as Json;
    const operation = (paths[pathTemplate] as Json | undefined)?.[method];
    if (!isObject(operation)) throw new Error(`The description has no ${method.toUpperCase()} ${pathTemplate}`);
    return operation;
  }

  private responseSchemaPointer(method: string, pathTemplate: string, status: number | 'default'): string {
    const responses = this.operation(method, pathTemplate).responses as Json;
    const code = String(status) in responses ? String(status) : 'default';
    const listed = responses[code];
    if (!isObject(listed)) throw new Error(`${method.toUpperCase()} ${pathTemplate} documents no ${status} or default response`);
    let response: Json = listed;
    let pointer = `/paths/${escapePointer(pathTemplate)}/${method}/responses/${code}`;
    // OpenAPI 3 responses may be references to #/components/responses/…
    if (typeof response.$ref === 'string') {
      pointer = response.$ref.slice(1);
      response = this.resolve(pointer);
    }
    if (isObject(response.schema)) return `${pointer}/schema`; // Swagger 2
    const json = isObject(response.content) ? (response.content['application/json'] as Json | undefined) : undefined;
    if (json && isObject(json.schema)) return `${pointer}/content/application~1json/schema`;
    throw new Error(`${method.toUpperCase()} ${pathTemplate} ${code} has no JSON body schema`);
  }

  private resolve(pointer: string): Json {
    let node: unknown = this.document;
    for (const segment of pointer.split('/').slice(1)) {
      node = isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isObject(node)) throw new Error(`Cannot resolve ${pointer}`);
    return node;
  }
}
