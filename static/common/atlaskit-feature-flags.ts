/**
 * Atlaskit components ask Atlassian's feature-flag client about their own rollouts. Inside a Forge
 * iframe that client is never started: each question answers "off", and the first one logs a warning.
 * This gives the same answer directly, through the resolver hook `@atlaskit/platform-feature-flags`
 * reads before it falls back to that client, so components render their released behaviour quietly.
 */
const FEATURE_FLAGS_GLOBAL = '__PLATFORM_FEATURE_FLAGS__';

/** Answers every Atlaskit platform flag "off", unless something on the page already answers them. */
export function resolveAtlaskitFeatureFlagsOff(): void {
  const scope = globalThis as Record<string, unknown>;
  const current = scope[FEATURE_FLAGS_GLOBAL] as { booleanResolver?: unknown } | undefined;
  if (typeof current?.booleanResolver === 'function') return;
  scope[FEATURE_FLAGS_GLOBAL] = { ...current, booleanResolver: () => false };
}
