import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * GitHub's GraphQL budget rules, computed from the query before it runs, as GitHub does
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 * - every connection must say `first` or `last`, from 1 to 100;
 * - node count: each connection's page size times the page sizes of the connections around it, summed; a
 *   query may ask for at most 500,000 nodes;
 * - cost: the requests needed to fill each connection (one, times the page sizes of the connections around
 *   it), summed, divided by 100 and rounded; at least 1 point.
 */
const MAX_NODES = 500_000;
const MAX_PAGE = 100;

export interface QueryCost {
  cost: number;
  nodeCount: number;
  /** Problems GitHub refuses the query for, in its words. */
  problems: string[];
}

function argumentValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  return undefined;
}

export function queryCost(document: DocumentNode, variables: Record<string, unknown>): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  let nodeCount = 0;
  const problems: string[] = [];

  const visit = (selections: SelectionSetNode | undefined, multiplier: number) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, multiplier);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        visit(fragments.get(selection.name.value)?.selectionSet, multiplier);
      } else {
        visitField(selection, multiplier);
      }
    }
  };
  const visitField = (field: FieldNode, multiplier: number) => {
    const argument = (name: string) => {
      const node = field.arguments?.find((a) => a.name.value === name);
      return node ? argumentValue(node.value, variables) : undefined;
    };
    const first = argument('first');
    const last = argument('last');
    const size = typeof first === 'number' ? first : typeof last === 'number' ? last : null;
    const isConnection = field.selectionSet?.selections.some(
      (s) => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges' || s.name.value === 'pageInfo'),
    );
    if (!isConnection) {
      visit(field.selectionSet, multiplier);
      return;
    }
    const name = field.name.value;
    if (size === null) {
      problems.push(`You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
      return;
    }
    if (size < 1 || size > MAX_PAGE) {
      problems.push(
        `Requesting ${size} records on the \`${name}\` connection exceeds the \`${first !== undefined ? 'first' : 'last'}\` limit of ${MAX_PAGE} records.`,
      );
      return;
    }
    requests += multiplier;
    nodeCount += multiplier * size;
    visit(field.selectionSet, multiplier * size);
  };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, 1);
  }
  if (nodeCount > MAX_NODES) {
    problems.push(
      `By the time this query traverses to the nodes connection, it is requesting up to ${nodeCount} possible nodes which exceeds the maximum limit of ${MAX_NODES}.`,
    );
  }
  return { cost: Math.max(1, Math.round(requests / 100)), nodeCount, problems };
}
