import { githubWebhookSignatures, webhookSignature } from './webhook-signature';

/** GitHub's own example (docs: "Validating webhook deliveries"): this secret signs "Hello, World!" to this value. */
const SECRET = "It's a Secret to Everybody";
const DOCUMENTED = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('GitHub webhook signatures', () => {
  it("computes GitHub's documented example", () => {
    expect(webhookSignature(SECRET, 'Hello, World!')).toBe(DOCUMENTED);
  });

  it('accepts exactly the signature of this body under this secret', () => {
    expect(githubWebhookSignatures.isSignedBy(SECRET, 'Hello, World!', DOCUMENTED)).toBe(true);
    expect(githubWebhookSignatures.isSignedBy(SECRET, 'Hello, World?', DOCUMENTED)).toBe(false);
    expect(githubWebhookSignatures.isSignedBy('another secret', 'Hello, World!', DOCUMENTED)).toBe(false);
    expect(githubWebhookSignatures.isSignedBy(SECRET, 'Hello, World!', DOCUMENTED.toUpperCase())).toBe(false);
    // A shorter or longer value is refused without comparing (timingSafeEqual needs equal lengths).
    expect(githubWebhookSignatures.isSignedBy(SECRET, 'Hello, World!', DOCUMENTED.slice(0, -1))).toBe(false);
    expect(githubWebhookSignatures.isSignedBy(SECRET, 'Hello, World!', `${DOCUMENTED}0`)).toBe(false);
  });

  it("signs the body's UTF-8 bytes", () => {
    const body = JSON.stringify({ title: 'Zurück – naïve café' });
    expect(githubWebhookSignatures.isSignedBy(SECRET, body, webhookSignature(SECRET, body))).toBe(true);
    expect(webhookSignature(SECRET, body)).not.toBe(webhookSignature(SECRET, Buffer.from(body, 'utf8').toString('latin1')));
  });
});
