import type { WebTriggerRequest, WebTriggerResponse } from '@forge/api';
import { logJob } from '../app/job-log';
import { licenceFromContext } from './installation-licence-context';
import { receiveGitHubWebhook, WEBHOOK_STATUS, type GitHubWebhookPorts } from '../app/pull-requests/github-webhook-delivery';
import { appAdapters } from './composition-root';

function webhookPorts(): GitHubWebhookPorts {
  const adapters = appAdapters();
  return {
    vault: adapters.vault,
    signatures: adapters.webhookSignatures,
    deliveries: adapters.webhookDeliveries,
    connection: adapters.githubConnection,
    github: adapters.githubPullRequests,
    store: adapters.pullRequests,
    projects: adapters.projectsAsApp,
    retention: adapters.retention,
    generatedPaths: adapters.generatedPaths,
    clock: adapters.clock,
  };
}

/** Forge hands headers as lists under the names the sender used; GitHub sends each of these once. */
function singleHeaders(headers: WebTriggerRequest['headers'] | undefined): Record<string, string | undefined> {
  const single: Record<string, string | undefined> = {};
  for (const [name, values] of Object.entries(headers ?? {})) single[name.toLowerCase()] = Array.isArray(values) ? values[0] : undefined;
  return single;
}

/**
 * Web trigger `github-pull-request-webhook`: GitHub's `pull_request` and `pull_request_review` deliveries (see
 * src/app/pull-requests/github-webhook-delivery.ts). The answer is a status and one word, for GitHub's delivery
 * log; nothing from the delivery is echoed or logged but the outcome.
 *
 * Forge hands a web trigger the same context as any function (its second argument), licence included. While
 * the licence is inactive the delivery is refused first of all, as the syncs and jobs refuse their work: no
 * secret opened, no delivery id remembered (so GitHub's redelivery is accepted once the licence is renewed),
 * no GitHub request, nothing stored. The context comes from Forge, never from the caller, so it can be trusted.
 */
export async function githubWebhook(request: WebTriggerRequest, context?: unknown): Promise<WebTriggerResponse> {
  const outcome = licenceFromContext(context).active
    ? await receiveGitHubWebhook(webhookPorts(), {
        method: String(request.method ?? '').toUpperCase(),
        headers: singleHeaders(request.headers),
        body: typeof request.body === 'string' ? request.body : '',
      })
    : 'licence-inactive';
  logJob('github-webhook', outcome);
  return {
    statusCode: WEBHOOK_STATUS[outcome],
    headers: { 'Content-Type': ['application/json'] },
    body: JSON.stringify({ outcome }),
  };
}
