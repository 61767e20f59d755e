import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crossOriginRefusal, hostRefusal } from '../http/loopback-guard';
import type { SimService } from './sim-http';

/**
 * Serves a simulated service (the Jira site, the personal-data API) over plain HTTP on loopback, so an app
 * can be pointed at it like at a real site (`JIRA_SITE=http://127.0.0.1:PORT`, basic auth) and so tests can
 * exercise real sockets, headers and concurrency. Like the host, it answers only requests addressed to its own
 * name and port, and none sent by another site's page (see dev/http/loopback-guard.ts): its control endpoints
 * change the site, and in real-site mode nothing should reach it but the local platform.
 */
export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulation is never exposed beyond this machine unless asked. */
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export async function startJiraServer(service: SimService, options: ServerOptions = {}): Promise<RunningServer> {
  let ownPort = options.port ?? 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const refusal = hostRefusal(request, ownPort) ?? crossOriginRefusal(request, ownPort);
    if (refusal) {
      response.writeHead(refusal.status, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(JSON.stringify({ errorMessages: [refusal.message], errors: {} }));
      return;
    }
    void (async () => {
      try {
        const body = await readBody(request);
        const answer = await service.handle({
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          headers: flatHeaders(request),
          ...(body !== '' ? { body } : {}),
        });
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json;charset=UTF-8' });
        response.end(JSON.stringify({ errorMessages: [error instanceof Error ? error.message : String(error)], errors: {} }));
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  ownPort = address.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
