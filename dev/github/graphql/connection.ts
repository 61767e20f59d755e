/**
 * A GraphQL connection over a list, as GitHub pages them: `first`/`after` forward, `last`/`before` backward,
 * opaque cursors, `pageInfo`, `nodes`, `edges` and `totalCount`. Page-size limits are checked before the
 * query runs (query-cost.ts). A cursor from elsewhere is refused with GitHub's words.
 */
import { GraphQLError } from 'graphql';

const cursorOf = (offset: number) => Buffer.from(`cursor:v2:${offset}`).toString('base64');

function offsetOf(cursor: string, argument: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match)
    throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, {
      extensions: { type: 'INVALID_CURSOR_ARGUMENTS', argument },
    });
  return Number(match[1]);
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export function connection<T>(items: readonly T[], args: ConnectionArgs) {
  let from = args.after ? offsetOf(args.after, 'after') + 1 : 0;
  let to = args.before ? offsetOf(args.before, 'before') : items.length;
  to = Math.min(to, items.length);
  if (typeof args.first === 'number') to = Math.min(to, from + args.first);
  if (typeof args.last === 'number') from = Math.max(from, to - args.last);
  const slice = items.slice(from, Math.max(from, to));
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, index) => ({ node, cursor: cursorOf(from + index) })),
    pageInfo: {
      hasNextPage: to < items.length,
      hasPreviousPage: from > 0,
      startCursor: slice.length > 0 ? cursorOf(from) : null,
      endCursor: slice.length > 0 ? cursorOf(from + slice.length - 1) : null,
    },
  };
}
