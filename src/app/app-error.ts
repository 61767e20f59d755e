import type { ResolverErrorCode } from '../shared/resolver-contract';

/**
 * A failure a use-case expects and can explain. Its message is written for the person using the app and is
 * safe to show: it never carries a token, a stack trace or another user's data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ResolverErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
