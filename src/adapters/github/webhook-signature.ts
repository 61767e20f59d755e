import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * GitHub's webhook signature (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries):
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the webhook secret>`.
 */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Compared in constant time, so the answer's timing says nothing about how much of a guess was right. */
export const githubWebhookSignatures = {
  isSignedBy(secret: string, body: string, signature: string): boolean {
    const expected = Buffer.from(webhookSignature(secret, body), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  },
};
