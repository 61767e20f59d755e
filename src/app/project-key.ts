import { AppError } from './app-error';

/**
 * Jira project keys: an uppercase letter, then uppercase letters, digits or underscores (Jira's default
 * rule, up to 255 characters). Anything else is refused before it goes near a URL, a JQL query or a KVS key.
 */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

export function isProjectKey(value: unknown): value is string {
  return typeof value === 'string' && PROJECT_KEY.test(value);
}

export function requireProjectKey(value: unknown): string {
  if (!isProjectKey(value)) throw new AppError('INVALID_INPUT', 'That is not a valid Jira project key.');
  return value;
}
