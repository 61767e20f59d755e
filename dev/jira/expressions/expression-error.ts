/** An expression Jira refuses to parse or evaluate: answered as a 400 with Jira's `ErrorCollection`. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}
