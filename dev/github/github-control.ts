import type { SimulatedService } from '../runtime/product-target';
import type { DemoGitHub } from './demo-github';
import type { PullRequestAction, SimWebhookDelivery } from './webhook-deliveries';

/** Sends a delivery to a webhook's URL and answers the HTTP status it got (the local site's own fetch). */
export type WebhookSender = (url: string, delivery: SimWebhookDelivery) => Promise<number>;

const PULL_REQUEST_ACTIONS = new Set<PullRequestAction>([
  'opened',
  'edited',
  'synchronize',
  'closed',
  'reopened',
  'ready_for_review',
  'converted_to_draft',
]);

/**
 * The local host's control API for the simulated GitHub (under `/__github/`), for developers and browser
 * tests: which demo tokens exist and what each is for, what the app asked GitHub, revoking a token, and
 * webhooks: adding one to a repository (`POST /__github/hooks {repository, url, secret}`, as an admin does on
 * GitHub with the address and secret the settings page shows) and having GitHub send a signed delivery about a
 * pull request to every hook of its repository (`POST /__github/webhooks/deliver {repository, number, event,
 * action}`; answers each hook's HTTP status). The demo tokens are fakes that only this simulation accepts.
 */
export function githubControl(demo: DemoGitHub, send?: WebhookSender): SimulatedService {
  const json = (status: number, value: unknown) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  return {
    async handle({ method, path, body }) {
      const { pathname } = new URL(path, 'http://local');
      if (method === 'GET' && pathname === '/__github/tokens') return json(200, demo.tokens);
      if (method === 'GET' && pathname === '/__github/requests') return json(200, demo.github.requests());
      if (method === 'POST' && pathname === '/__github/tokens/revoke') {
        const token = (JSON.parse(body ?? '{}') as { token?: unknown }).token;
        if (typeof token !== 'string') return json(400, { error: 'give {"token": "…"}' });
        demo.github.revokeToken(token);
        return json(200, { revoked: true });
      }
      if (method === 'POST' && pathname === '/__github/hooks') {
        const hook = JSON.parse(body ?? '{}') as { repository?: unknown; url?: unknown; secret?: unknown };
        if (typeof hook.repository !== 'string' || typeof hook.url !== 'string' || typeof hook.secret !== 'string') {
          return json(400, { error: 'give {"repository": "owner/repo", "url": "…", "secret": "…"}' });
        }
        demo.github.addWebhook(hook.repository, { url: hook.url, secret: hook.secret });
        return json(201, { repository: hook.repository, url: hook.url });
      }
      if (method === 'POST' && pathname === '/__github/webhooks/deliver') {
        if (!send) return json(501, { error: 'this host sends no webhooks' });
        const ask = JSON.parse(body ?? '{}') as { repository?: unknown; number?: unknown; event?: unknown; action?: unknown };
        if (typeof ask.repository !== 'string' || typeof ask.number !== 'number')
          return json(400, { error: 'give {"repository", "number", "event", "action"}' });
        const event =
          ask.event === 'pull_request_review'
            ? ({ kind: 'pull_request_review' } as const)
            : PULL_REQUEST_ACTIONS.has(ask.action as PullRequestAction)
              ? ({ kind: 'pull_request', action: ask.action as PullRequestAction } as const)
              : null;
        if (!event) return json(400, { error: 'event is pull_request (with an action such as "closed") or pull_request_review' });
        const sent = [];
        for (const hook of demo.github.webhooksOf(ask.repository)) {
          sent.push({
            url: hook.url,
            status: await send(hook.url, demo.github.webhookDelivery(ask.repository, ask.number, hook.secret, event)),
          });
        }
        return json(200, { sent });
      }
      return json(404, { error: `No control route ${method} ${pathname}` });
    },
  };
}
