/**
 * Builds the fetch `Response` objects the `@forge/kvs` client reads.
 *
 * The client checks `response.ok`, reads the body as text and JSON-parses it, treats an empty body as
 * "nothing returned" where a result is optional (set without `returnValue`), and reads a trace id from
 * `x-b3-traceid` or `x-trace-id` into its error details. Every answer therefore carries a trace id, so
 * an error thrown by the client can be matched to the emulator's own log.
 */
import { randomBytes } from 'node:crypto';
import type { KvsServiceError } from './kvs-error';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

function newTraceId(): string {
  return randomBytes(8).toString('hex');
}

/** A 200 with a JSON body; `text` is the already serialised body so callers can meter its size. */
export function jsonResponse(text: string): Response {
  return new Response(text, {
    status: 200,
    statusText: STATUS_TEXT[200],
    headers: { 'content-type': 'application/json', 'x-trace-id': newTraceId() },
  });
}

/** A 204: what the service answers for deletes, transactions and sets that return nothing. */
export function noContentResponse(): Response {
  return new Response(null, { status: 204, statusText: STATUS_TEXT[204], headers: { 'x-trace-id': newTraceId() } });
}

export function errorResponse(error: KvsServiceError): Response {
  return new Response(JSON.stringify(error.toBody()), {
    status: error.status,
    statusText: STATUS_TEXT[error.status] ?? 'Error',
    headers: { 'content-type': 'application/json', 'x-trace-id': newTraceId() },
  });
}
