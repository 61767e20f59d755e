import { fetchUnderneath } from './forge-global-fetch';
import { currentInvocation, pastDeadline } from './invocation';
import type { SimulatedService } from './product-target';
import { bodyText, headerRecord, toResponse } from './product-target';

/**
 * Outbound `fetch` from the app's backend, held to the manifest's `permissions.external.fetch.backend` as
 * Forge holds it. Allowed origins that have a local simulation (GitHub, Slack) are answered by it; the rest
 * go to the network. Requests the platform itself makes (outside any invocation) are not affected.
 */
export class EgressGuard {
  private readonly simulations = new Map<string, SimulatedService>();
  private original: typeof fetch | null = null;

  constructor(private readonly allowedOrigins: string[]) {}

  simulate(origin: string, service: SimulatedService): void {
    this.simulations.set(new URL(origin).origin, service);
  }

  install(): typeof fetch {
    if (this.original) return this.original;
    const installed = globalThis.fetch;
    this.original = installed;
    const original = fetchUnderneath(installed);
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      if (!currentInvocation()) return original(input, init);
      // Past its time limit the function has been stopped: its requests go nowhere.
      if (pastDeadline(currentInvocation())) return new Promise<never>(() => undefined);
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (!this.allowedOrigins.includes(url.origin)) {
        throw new Error(
          `URL not included in the external fetch backend permissions: ${url.origin}. ` +
            'Add it to permissions.external.fetch.backend in manifest.yml.',
        );
      }
      const simulation = this.simulations.get(url.origin);
      if (!simulation) return original(input, init);
      const answer = await simulation.handle({
        method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
        path: url.pathname + url.search,
        headers: headerRecord(init?.headers),
        body: bodyText(init?.body),
      });
      return toResponse(answer);
    };
    return original;
  }

  uninstall(): void {
    if (this.original) globalThis.fetch = this.original;
    this.original = null;
  }
}
