/**
 * A problem the user can fix (a bad option, an unreadable file, bad input data): reported as one clear
 * line and exit code 2, never as a stack trace.
 */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
