import { webTrigger } from '@forge/api';
import type { WebhookAddress } from '../../app/connections/github-connection';

/** The `webtrigger` module in manifest.yml that receives GitHub's webhooks (its function is `github-webhook`). */
export const GITHUB_WEBHOOK_TRIGGER_KEY = 'github-pull-request-webhook';

/** The web trigger's address for this installation, as Forge gives it (the same address on every call). */
export class ForgeWebhookAddress implements WebhookAddress {
  url(): Promise<string> {
    return webTrigger.getUrl(GITHUB_WEBHOOK_TRIGGER_KEY);
  }
}
