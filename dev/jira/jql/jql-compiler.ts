import { FLAGGED_FIELD, ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES, STATUS_CATEGORIES } from '../catalogue';
import { admits } from '../issue-security';
import { DEMO_USERS } from '../demo-data/demo-users';
import type { IssueStore } from '../issue-store';
import type { Principal } from '../principal';
import { DATE_FORMAT_HINT, dateFunction, parseJqlDate } from './jql-dates';
import { JqlError } from './jql-error';
import { parseJql, type Clause, type JqlNode, type Operand, type Operator, type SortKey } from './jql-parser';

/**
 * Turns JQL into a row filter and a sort order over the issue store. It supports the subset a flow-metrics
 * app needs (project, issue keys and ids, dates, statuses and their categories, types, resolution, people,
 * the Flagged field, parent; AND / OR / NOT; ORDER BY) and answers everything else the way Jira answers a query it
 * cannot run: a 400 with the reason. Values the caller may not see are reported as not existing, exactly as
 * Jira hides projects and issues from people who cannot browse them.
 */
export interface JqlEnvironment {
  store: IssueStore;
  /** By project index: may the caller browse it? */
  browsable: readonly boolean[];
  principal: Principal;
  now: number;
}

export interface CompiledJql {
  /** True for rows the query selects (the caller filters out deleted and unbrowsable rows first). */
  matches: (row: number) => boolean;
  compare: (a: number, b: number) => number;
}

export const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

const SUPPORTED =
  'project, issuekey (key, id), created, updated, resolved, status, statusCategory, issuetype, priority, resolution, assignee, reporter, creator, parent and Flagged';
const KNOWN_UNSUPPORTED = new Set([
  'summary',
  'description',
  'text',
  'comment',
  'labels',
  'sprint',
  'component',
  'fixversion',
  'affectedversion',
  'environment',
  'epic link',
  'due',
  'duedate',
  'watcher',
  'watchers',
  'votes',
  'voter',
  'rank',
  'worklogdate',
  'lastviewed',
  'level',
  'filter',
  'attachments',
  'issuelink',
  'textfields',
  'statuscategorychangeddate',
]);
const EQUALITY: readonly Operator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const COMPARISON: readonly Operator[] = [...EQUALITY, '>', '>=', '<', '<='];
const MAX_SORT_FIELDS = 7;

type Predicate = (row: number) => boolean;

export function compileJql(jql: string, environment: JqlEnvironment): CompiledJql {
  const query = parseJql(jql);
  if (!query.where) throw new JqlError([UNBOUNDED]);
  const compiler = new Compiler(environment);
  const matches = compiler.node(query.where);
  const compare = compiler.order(query.orderBy);
  if (compiler.errors.length > 0) throw new JqlError(compiler.errors);
  return { matches, compare };
}

const never: Predicate = () => false;

class Compiler {
  readonly errors: string[] = [];

  constructor(private readonly env: JqlEnvironment) {}

  node(node: JqlNode): Predicate {
    switch (node.type) {
      case 'and': {
        const parts = node.children.map((c) => this.node(c));
        return (row) => parts.every((p) => p(row));
      }
      case 'or': {
        const parts = node.children.map((c) => this.node(c));
        return (row) => parts.some((p) => p(row));
      }
      case 'not': {
        const inner = this.node(node.child);
        return (row) => !inner(row);
      }
      case 'clause':
        return this.clause(node);
    }
  }

  private clause(clause: Clause): Predicate {
    const name = clause.field.toLowerCase();
    const { store } = this.env;
    switch (name) {
      case 'project':
        return this.enumeration(
          clause,
          (row) => store.project.get(row),
          (operand) => this.projectValue(clause, operand),
        );
      case 'issuekey':
      case 'key':
      case 'id':
      case 'issue':
        return this.issueKey(clause);
      case 'parent':
        return this.parent(clause);
      case 'created':
      case 'createddate':
        return this.date(clause, (row) => store.created.get(row));
      case 'updated':
      case 'updateddate':
        return this.date(clause, (row) => store.updated.get(row));
      case 'resolved':
      case 'resolutiondate':
        return this.date(clause, (row) => store.resolutionDate.get(row));
      case 'status':
        return this.enumeration(
          clause,
          (row) => store.status.get(row),
          (operand) =>
            this.catalogueValue(
              clause,
              operand,
              STATUSES.map((s) => [s.id, s.name]),
            ),
        );
      case 'statuscategory': {
        const categoryOfStatus = STATUSES.map((s) => STATUS_CATEGORIES.findIndex((c) => c.key === s.category));
        return this.enumeration(
          clause,
          (row) => categoryOfStatus[store.status.get(row)] ?? -1,
          (operand) =>
            this.catalogueValue(
              clause,
              operand,
              STATUS_CATEGORIES.map((c) => [String(c.id), c.name, c.key]),
            ),
        );
      }
      case 'issuetype':
      case 'type':
        return this.enumeration(
          clause,
          (row) => store.type.get(row),
          (operand) =>
            this.catalogueValue(
              clause,
              operand,
              ISSUE_TYPES.map((t) => [t.id, t.name]),
            ),
        );
      case 'priority':
        return this.enumeration(
          clause,
          (row) => store.priority.get(row),
          (operand) =>
            this.catalogueValue(
              clause,
              operand,
              PRIORITIES.map((p) => [p.id, p.name]),
            ),
        );
      case 'resolution':
        return this.enumeration(
          clause,
          (row) => store.resolution.get(row),
          (operand) =>
            operand.kind === 'value' && operand.text.toLowerCase() === 'unresolved'
              ? -1
              : this.catalogueValue(
                  clause,
                  operand,
                  RESOLUTIONS.map((r) => [r.id, r.name]),
                ),
        );
      case 'assignee':
        return this.enumeration(
          clause,
          (row) => store.assignee.get(row),
          (operand) => this.userValue(clause, operand),
        );
      case 'reporter':
      case 'creator':
        return this.enumeration(
          clause,
          (row) => store.reporter.get(row),
          (operand) => this.userValue(clause, operand),
        );
      case 'flagged':
      case 'cf[10021]':
      case FLAGGED_FIELD.id:
        return this.enumeration(
          clause,
          (row) => (store.flagged.get(row) === 1 ? 0 : -1),
          (operand) => this.catalogueValue(clause, operand, [[FLAGGED_FIELD.optionId, FLAGGED_FIELD.optionValue]]),
        );
      default:
        this.errors.push(
          KNOWN_UNSUPPORTED.has(name)
            ? `Field '${clause.field}' is not supported by the simulated Jira site, which supports ${SUPPORTED}.`
            : `Field '${clause.field}' does not exist or you do not have permission to view it.`,
        );
        return never;
    }
  }

  private checkOperator(clause: Clause, allowed: readonly Operator[]): boolean {
    if (allowed.includes(clause.operator)) return true;
    this.errors.push(`The operator '${clause.operator.toUpperCase()}' is not supported by the '${clause.field}' field.`);
    return false;
  }

  /**
   * Fields whose value is one of a set (projects, statuses, people): `=`, `!=`, `IN`, `NOT IN`, `IS`,
   * `IS NOT`. -1 stands for EMPTY. As in Jira, negative forms never match an empty value.
   */
  private enumeration(clause: Clause, value: (row: number) => number, resolve: (operand: Operand) => number | undefined): Predicate {
    if (!this.checkOperator(clause, EQUALITY)) return never;
    if ((clause.operator === 'is' || clause.operator === 'is not') && clause.operands.some((o) => o.kind !== 'empty')) {
      this.errors.push(`The operator '${clause.operator.toUpperCase()}' only supports the EMPTY value for the '${clause.field}' field.`);
      return never;
    }
    const wanted = new Set<number>();
    for (const operand of clause.operands) {
      const resolved = operand.kind === 'empty' ? -1 : resolve(operand);
      if (resolved !== undefined) wanted.add(resolved);
    }
    const negative = clause.operator === '!=' || clause.operator === 'not in' || clause.operator === 'is not';
    if (negative) {
      return (row) => {
        const v = value(row);
        return v !== -1 && !wanted.has(v);
      };
    }
    return (row) => wanted.has(value(row));
  }

  private notFound(clause: Clause, operand: Operand): undefined {
    const text = operand.kind === 'value' ? operand.text : operand.kind === 'function' ? `${operand.name}()` : 'EMPTY';
    this.errors.push(`The value '${text}' does not exist for the field '${clause.field}'.`);
    return undefined;
  }

  private unknownFunction(operand: Extract<Operand, { kind: 'function' }>): undefined {
    this.errors.push(`Unable to find JQL function '${operand.name}(${operand.args.join(', ')})'.`);
    return undefined;
  }

  /** A catalogue entry by id or (case-insensitive) name; returns its index. */
  private catalogueValue(clause: Clause, operand: Operand, entries: readonly (readonly string[])[]): number | undefined {
    if (operand.kind === 'function') return this.unknownFunction(operand);
    if (operand.kind !== 'value') return -1;
    const wanted = operand.text.toLowerCase();
    const index = entries.findIndex((names) => names.some((n) => n.toLowerCase() === wanted));
    return index >= 0 ? index : this.notFound(clause, operand);
  }

  /** Projects by key, name or id; one the caller may not browse does not exist for them. */
  private projectValue(clause: Clause, operand: Operand): number | undefined {
    if (operand.kind === 'function') return this.unknownFunction(operand);
    if (operand.kind !== 'value') return -1;
    const wanted = operand.text.toLowerCase();
    const index = this.env.store.projects.findIndex(
      (p) => p.key.toLowerCase() === wanted || p.name.toLowerCase() === wanted || p.id === operand.text,
    );
    return index >= 0 && this.env.browsable[index] ? index : this.notFound(clause, operand);
  }

  private userValue(clause: Clause, operand: Operand): number | undefined {
    if (operand.kind === 'function') {
      if (operand.name.toLowerCase() !== 'currentuser') return this.unknownFunction(operand);
      // The app's own account never holds an issue in the demo data: -2 matches nothing.
      return this.env.principal.kind === 'user' ? this.env.principal.index : -2;
    }
    if (operand.kind !== 'value') return -1;
    const index = DEMO_USERS.findIndex((u) => u.accountId === operand.text);
    return index >= 0 ? index : this.notFound(clause, operand);
  }

  private issueKey(clause: Clause): Predicate {
    if (!this.checkOperator(clause, COMPARISON)) return never;
    const { store } = this.env;
    if (clause.operator === 'is') return never;
    if (clause.operator === 'is not') return () => true;
    const rows = this.issueRows(clause);
    const [single] = rows;
    switch (clause.operator) {
      case '=':
      case 'in': {
        const set = new Set(rows);
        return (row) => set.has(row);
      }
      case '!=':
      case 'not in': {
        const set = new Set(rows);
        return (row) => !set.has(row);
      }
      default: {
        if (single === undefined) return never;
        // Ranges compare key numbers within the key's project, as Jira does.
        const project = store.project.get(single);
        const number = store.number.get(single);
        const test = rangeTest(clause.operator, number);
        return (row) => store.project.get(row) === project && test(store.number.get(row));
      }
    }
  }

  /** `parent = KEY`, `parent in (KEY, id)`: the children of the issues named (an issue with no parent is never "not" one). */
  private parent(clause: Clause): Predicate {
    if (!this.checkOperator(clause, ['=', '!=', 'in', 'not in'])) return never;
    const { store } = this.env;
    const parents = new Set(this.issueRows(clause));
    const positive = clause.operator === '=' || clause.operator === 'in';
    return (row) => {
      const parent = store.parentOf(row);
      return parent !== undefined && parents.has(parent) === positive;
    };
  }

  /** The rows of the issues a clause names by key or id, reporting those the caller cannot see as not existing. */
  private issueRows(clause: Clause): number[] {
    const { store, browsable } = this.env;
    const rows: number[] = [];
    for (const operand of clause.operands) {
      if (operand.kind === 'function') {
        this.unknownFunction(operand);
        continue;
      }
      if (operand.kind === 'empty') continue;
      const text = operand.text;
      if (!/^\d+$/.test(text) && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(text)) {
        this.errors.push(`The issue key '${text}' for field '${clause.field}' is invalid.`);
        continue;
      }
      const row = store.find(text);
      const level = row < 0 ? undefined : store.securityLevelOf(row);
      if (row < 0 || !browsable[store.project.get(row)] || (level !== undefined && !admits(this.env.principal, level))) {
        this.errors.push(`An issue with key '${text}' does not exist for field '${clause.field}'.`);
        continue;
      }
      rows.push(row);
    }
    return rows;
  }

  private date(clause: Clause, value: (row: number) => number): Predicate {
    if (!this.checkOperator(clause, COMPARISON)) return never;
    if (clause.operator === 'is') return (row) => Number.isNaN(value(row));
    if (clause.operator === 'is not') return (row) => !Number.isNaN(value(row));
    const instants: number[] = [];
    for (const operand of clause.operands) {
      const instant = this.instant(clause, operand);
      if (instant !== undefined) instants.push(instant);
    }
    if (clause.operator === 'in' || clause.operator === 'not in' || clause.operator === '=' || clause.operator === '!=') {
      const minutes = new Set(instants.map((t) => Math.floor(t / 60_000)));
      const positive = clause.operator === 'in' || clause.operator === '=';
      return (row) => {
        const v = value(row);
        if (Number.isNaN(v)) return false;
        return minutes.has(Math.floor(v / 60_000)) === positive;
      };
    }
    const [limit] = instants;
    if (limit === undefined) return never;
    const test = rangeTest(clause.operator, limit);
    return (row) => {
      const v = value(row);
      return !Number.isNaN(v) && test(v);
    };
  }

  private instant(clause: Clause, operand: Operand): number | undefined {
    if (operand.kind === 'empty') {
      this.errors.push(`The operator '${clause.operator.toUpperCase()}' does not support the EMPTY value for the '${clause.field}' field.`);
      return undefined;
    }
    if (operand.kind === 'function') {
      const value = dateFunction(operand.name, operand.args, this.env.now);
      return value ?? this.unknownFunction(operand);
    }
    const value = parseJqlDate(operand.text, this.env.now);
    if (value === undefined) {
      this.errors.push(`Date value '${operand.text}' for field '${clause.field}' is invalid. ${DATE_FORMAT_HINT}`);
    }
    return value;
  }

  /** ORDER BY; with none, newest created first. Ties always fall back to the issue id. */
  order(keys: readonly SortKey[]): (a: number, b: number) => number {
    if (keys.length > MAX_SORT_FIELDS) {
      this.errors.push(`The ORDER BY clause can contain at most ${MAX_SORT_FIELDS} fields.`);
    }
    const effective: SortKey[] = keys.length > 0 ? [...keys] : [{ field: 'created', direction: 'desc', position: 0 }];
    const comparators = effective.map((key) => this.sortKey(key));
    const tieDirection = effective[effective.length - 1]?.direction === 'desc' ? -1 : 1;
    return (a, b) => {
      for (const compare of comparators) {
        const result = compare(a, b);
        if (result !== 0) return result;
      }
      return (a - b) * tieDirection;
    };
  }

  private sortKey(key: SortKey): (a: number, b: number) => number {
    const { store } = this.env;
    const sign = key.direction === 'desc' ? -1 : 1;
    const byNumber = (value: (row: number) => number) => (a: number, b: number) => {
      const x = value(a);
      const y = value(b);
      // Empty values sort after every value ascending, before them descending.
      const nx = Number.isNaN(x) ? Number.POSITIVE_INFINITY : x;
      const ny = Number.isNaN(y) ? Number.POSITIVE_INFINITY : y;
      return nx === ny ? 0 : nx < ny ? -sign : sign;
    };
    const projectKey = (row: number) => store.projects[store.project.get(row)]?.key ?? '';
    const byText = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);
    switch (key.field.toLowerCase()) {
      case 'key':
      case 'issuekey':
        return (a, b) => {
          const byProject = byText(projectKey(a), projectKey(b));
          if (byProject !== 0) return byProject * sign;
          return (store.number.get(a) - store.number.get(b)) * sign;
        };
      case 'id':
        return (a, b) => (a - b) * sign;
      case 'created':
      case 'createddate':
        return byNumber((row) => store.created.get(row));
      case 'updated':
      case 'updateddate':
        return byNumber((row) => store.updated.get(row));
      case 'resolved':
      case 'resolutiondate':
        return byNumber((row) => store.resolutionDate.get(row));
      case 'priority':
        return byNumber((row) => store.priority.get(row));
      case 'project':
        return (a, b) => byText(projectKey(a), projectKey(b)) * sign;
      default: {
        const known = ['status', 'statuscategory', 'issuetype', 'type', 'assignee', 'reporter', 'resolution', 'summary', 'rank'];
        this.errors.push(
          known.includes(key.field.toLowerCase()) || KNOWN_UNSUPPORTED.has(key.field.toLowerCase())
            ? `Not able to sort using field '${key.field}'.`
            : `Field '${key.field}' does not exist or you do not have permission to view it.`,
        );
        return () => 0;
      }
    }
  }
}

function rangeTest(operator: Operator, limit: number): (value: number) => boolean {
  switch (operator) {
    case '>':
      return (v) => v > limit;
    case '>=':
      return (v) => v >= limit;
    case '<':
      return (v) => v < limit;
    case '<=':
      return (v) => v <= limit;
    default:
      return () => false;
  }
}
