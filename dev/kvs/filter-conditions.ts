/**
 * Evaluates custom entity conditions, as used by transaction `set`/`delete`/`check` operations.
 *
 * The client sends conditions as `{and: [...]}` or `{or: [...]}`, each item `{property, condition,
 * values}` (transaction-request-builder.js, entity-query.js). They are checked against the item currently
 * stored under the key; when there is none, every attribute is missing: `NOT_EXISTS`, `NOT_EQUAL_TO` and
 * `NOT_CONTAINS` hold, every other condition fails. Comparisons between different types are false rather
 * than coerced. Forge does not document these corner cases; these are the usual document-store semantics.
 *
 * Validation follows the Custom Entity Store error page: `EMPTY_FILTER_OPERATOR`,
 * `INVALID_FILTER_OPERATORS_COMBINATION`, `INSUFFICIENT_FILTER_VALUES` (BETWEEN needs two values), and
 * from the KVS page `INVALID_FILTER_CONDITION` / `INVALID_FILTER_VALUES`.
 */
import { kvsError, type KvsServiceError } from './kvs-error';

type Condition =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

const CONDITIONS: readonly Condition[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

interface FilterItem {
  property: string;
  condition: Condition;
  values: unknown[];
}

export interface ParsedConditions {
  operator: 'and' | 'or';
  items: FilterItem[];
}

export function parseConditions(raw: unknown): ParsedConditions | KvsServiceError {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return kvsError.badRequest('"conditions" must be an object');
  const { and, or } = raw as { and?: unknown; or?: unknown };
  if (and !== undefined && or !== undefined) return kvsError.invalidFilterOperatorsCombination();
  const operator = and !== undefined ? 'and' : 'or';
  const list = and ?? or;
  if (!Array.isArray(list) || list.length === 0) return kvsError.emptyFilterOperator();
  const items: FilterItem[] = [];
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object') return kvsError.badRequest('each condition must be an object');
    const { property, condition, values } = entry as { property?: unknown; condition?: unknown; values?: unknown };
    if (typeof property !== 'string' || property.length === 0) return kvsError.badRequest('each condition needs a "property"');
    if (!CONDITIONS.includes(condition as Condition)) return kvsError.invalidFilterCondition(condition);
    if (!Array.isArray(values)) return kvsError.invalidFilterValues(String(condition));
    if (condition === 'BETWEEN') {
      if (values.length < 2) return kvsError.insufficientFilterValues();
      if (values.length > 2) return kvsError.invalidFilterValues(condition);
    } else if (values.length !== 1) {
      return kvsError.invalidFilterValues(String(condition));
    }
    items.push({ property, condition: condition as Condition, values });
  }
  return { operator, items };
}

/** Sign of `a - b` for two numbers or two strings; undefined for any other pair (never coerced). */
function compare(a: unknown, b: unknown): number | undefined {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return undefined;
}

/** Substring of a string attribute, or element of a list attribute. */
function contains(actual: unknown, wanted: unknown): boolean {
  if (typeof actual === 'string') return typeof wanted === 'string' && actual.includes(wanted);
  return Array.isArray(actual) && actual.includes(wanted);
}

function holds(item: FilterItem, attributes: Readonly<Record<string, unknown>> | undefined): boolean {
  const present = attributes !== undefined && Object.prototype.hasOwnProperty.call(attributes, item.property);
  const actual = present ? attributes[item.property] : undefined;
  const [first, second] = item.values;
  switch (item.condition) {
    case 'EXISTS':
      return present;
    case 'NOT_EXISTS':
      return !present;
    case 'EQUAL_TO':
      return present && actual === first;
    case 'NOT_EQUAL_TO':
      return !present || actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      // The negation, as NOT_EQUAL_TO: a missing attribute does not contain anything.
      return !contains(actual, first);
    // An incomparable pair (compare → undefined) falls back to a sign that fails the test.
    case 'GREATER_THAN':
      return (compare(actual, first) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (compare(actual, first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (compare(actual, first) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (compare(actual, first) ?? 1) <= 0;
    case 'BETWEEN':
      return (compare(actual, first) ?? -1) >= 0 && (compare(actual, second) ?? 1) <= 0;
  }
}

/** Whether the stored value (undefined when the key is missing) satisfies the conditions. */
export function conditionsHold(conditions: ParsedConditions, storedValue: unknown): boolean {
  const attributes =
    storedValue !== null && typeof storedValue === 'object' && !Array.isArray(storedValue)
      ? (storedValue as Record<string, unknown>)
      : undefined;
  return conditions.operator === 'and'
    ? conditions.items.every((item) => holds(item, attributes))
    : conditions.items.some((item) => holds(item, attributes));
}
