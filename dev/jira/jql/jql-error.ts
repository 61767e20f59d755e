/** A JQL query Jira would refuse: the messages are Jira's own wording, answered as a 400. */
export class JqlError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join(' '));
  }
}

export function queryError(detail: string, position: number): JqlError {
  return new JqlError([`Error in the JQL Query: ${detail} (line 1, character ${position})`]);
}
