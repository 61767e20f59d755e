/**
 * Errors the emulated KVS service answers with.
 *
 * The real service answers a failed request with an HTTP status and a JSON body `{code, message}`; the
 * `@forge/kvs` client turns that body into a `ForgeKvsAPIError` whose `code` is the body's `code` (and
 * whose `context` collects any other body fields). So matching Forge means matching the status and the
 * `code`. Codes come from three places:
 *  - the client itself: `KEY_NOT_FOUND` on 404 (storage-api.js turns it into `undefined`), and the shapes
 *    its own tests use (`BAD_REQUEST` "Provided request body is invalid", `INTERNAL_SERVER_ERROR`);
 *  - Forge's "Error handling for the Key-Value Store" and "... Custom Entity Store" pages (key, value,
 *    query and entity codes) and the storage quota pages (429 `RATE_LIMIT_EXCEEDED`);
 *  - where Forge documents a rule but no code (batch and transaction limits, duplicate keys, payload size,
 *    `FAIL_IF_EXISTS`, failed transaction conditions, cursors), a code chosen here and marked as such,
 *    so that callers can branch on it but nobody mistakes it for a documented one.
 */
export class KvsServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'KvsServiceError';
  }

  /** The JSON body the client parses: `{code, message}` plus `context` when there is one. */
  toBody(): Record<string, unknown> {
    return this.context ? { code: this.code, message: this.message, context: this.context } : { code: this.code, message: this.message };
  }
}

const MAX_KEY_MESSAGE = (max: number) => `The provided key has exceeded the maximum ${max} characters.`;

/** One factory per error, so every place that raises an error raises it with the same status and words. */
export const kvsError = {
  /** Shape errors the service rejects before looking at data (the client's own test fixture wording). */
  badRequest: (detail?: string) =>
    new KvsServiceError(400, 'BAD_REQUEST', detail ? `Provided request body is invalid: ${detail}` : 'Provided request body is invalid'),

  // Key errors (KVS error handling page).
  keyTooShort: () => new KvsServiceError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.'),
  keyTooLong: (max: number) => new KvsServiceError(400, 'KEY_TOO_LONG', MAX_KEY_MESSAGE(max)),
  invalidKey: () => new KvsServiceError(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/'),
  /** Entity keys say `EMPTY_KEY` instead of `KEY_TOO_SHORT` (Custom Entity Store error page). */
  emptyKey: () => new KvsServiceError(400, 'EMPTY_KEY', 'Key cannot be empty.'),
  /** The client recognises exactly this code on a 404 and answers `undefined` (storage-api.js). */
  keyNotFound: () => new KvsServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),

  // Value errors (KVS error handling page).
  maxSize: (bytes: number, limit: number) =>
    new KvsServiceError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.', {
      sizeInBytes: bytes,
      limitInBytes: limit,
    }),
  maxDepth: (limit: number) =>
    new KvsServiceError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${limit + 1}) limit.`),

  // Query errors (KVS error handling page).
  invalidFilterCondition: (condition: unknown) =>
    new KvsServiceError(400, 'INVALID_FILTER_CONDITION', `The specified condition is not supported for filters: ${String(condition)}`),
  invalidFilterValues: (condition: string) =>
    new KvsServiceError(
      400,
      'INVALID_FILTER_VALUES',
      `The specified number of values are not supported by the given condition: ${condition}`,
    ),
  listQueryLimitExceeded: (requested: number, max: number) =>
    new KvsServiceError(
      400,
      'LIST_QUERY_LIMIT_EXCEEDED',
      `Limit for list query should be below 100; the local platform allows at most ${max} (the stricter documented maximum). Requested ${requested}.`,
    ),
  queryWhereInvalid: () => new KvsServiceError(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.'),
  queryWhereFieldInvalid: (field: unknown) =>
    new KvsServiceError(400, 'QUERY_WHERE_FIELD_INVALID', `The specified field is not supported for filters: ${String(field)}`),
  /** Not documented: the legacy storage API used `INVALID_CURSOR` for the same failure. */
  invalidCursor: () => new KvsServiceError(400, 'INVALID_CURSOR', 'The provided cursor is invalid for this query.'),

  // Entity errors (Custom Entity Store error page).
  entityTypeTooShort: (min: number) =>
    new KvsServiceError(400, 'ENTITY_TYPE_TOO_SHORT', `The provided entity name needs to be at least ${min} characters.`),
  entityTypeTooLarge: (max: number) =>
    new KvsServiceError(400, 'ENTITY_TYPE_TOO_LARGE', `The provided entity name has exceeded the maximum ${max} characters.`),
  invalidEntityType: () =>
    new KvsServiceError(
      400,
      'INVALID_ENTITY_TYPE',
      'The provided entity name does not match the regex: /^(?![\\.\\-])(?!.*\\.{2})[a-z0-9:\\-.]*(?<![.])$/.',
    ),
  invalidEntityValue: () =>
    new KvsServiceError(400, 'INVALID_ENTITY_VALUE', 'Entity values must match one of the types defined in Custom Entities.'),
  emptyFilterOperator: () => new KvsServiceError(400, 'EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.'),
  invalidFilterOperatorsCombination: () =>
    new KvsServiceError(
      400,
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    ),
  insufficientFilterValues: () =>
    new KvsServiceError(400, 'INSUFFICIENT_FILTER_VALUES', 'The specified condition needs at least two values.'),

  // Documented rules without a documented code: codes chosen here (see the file comment).
  tooManyBatchItems: (count: number, max: number) =>
    new KvsServiceError(400, 'BAD_REQUEST', `Provided request body is invalid: a batch can contain at most ${max} keys, got ${count}.`),
  emptyBatch: () => new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid: a batch must contain at least one key.'),
  duplicateBatchKey: (key: string) =>
    new KvsServiceError(400, 'BAD_REQUEST', `Provided request body is invalid: key "${key}" appears more than once in the batch.`),
  tooManyTransactionOperations: (count: number, max: number) =>
    new KvsServiceError(
      400,
      'BAD_REQUEST',
      `Provided request body is invalid: a transaction can contain at most ${max} operations, got ${count}.`,
    ),
  emptyTransaction: () =>
    new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid: a transaction must contain at least one operation.'),
  duplicateTransactionKey: (key: string) =>
    new KvsServiceError(400, 'BAD_REQUEST', `Provided request body is invalid: key "${key}" is used more than once in the transaction.`),
  payloadTooLarge: (bytes: number, max: number) =>
    new KvsServiceError(413, 'PAYLOAD_TOO_LARGE', `The request payload of ${bytes} bytes exceeds the maximum of ${max} bytes.`),
  keyAlreadyExists: () => new KvsServiceError(409, 'KEY_ALREADY_EXISTS', 'The key already exists and keyPolicy is FAIL_IF_EXISTS.'),
  conditionalCheckFailed: (key: string) =>
    new KvsServiceError(409, 'CONDITIONAL_CHECK_FAILED', `The transaction was cancelled: the conditions on key "${key}" were not met.`),

  // Service-level answers.
  /** "Any request that exceeds a quota or limit will return a 429 status with an error code of RATE_LIMIT_EXCEEDED." */
  rateLimited: () => new KvsServiceError(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded'),
  internal: () => new KvsServiceError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred'),
  unknownPath: (path: string) => new KvsServiceError(404, 'NOT_FOUND', `No KVS operation at ${path}`),
  methodNotAllowed: (method: string) => new KvsServiceError(405, 'METHOD_NOT_ALLOWED', `KVS operations are POST requests, got ${method}`),
  unsupportedLocally: (what: string) =>
    new KvsServiceError(
      501,
      'NOT_SUPPORTED_BY_LOCAL_PLATFORM',
      `${what} is not supported by the local platform's KVS emulator. It needs the custom entity definitions (indexes) of manifest.yml; test it on a Forge development environment.`,
    ),
} as const;
