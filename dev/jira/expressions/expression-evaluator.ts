import { ExpressionError } from './expression-error';
import type { ExpressionNode } from './expression-parser';
import { ExpressionRecord, JiraDate, JiraEntity, Lambda, dateText, type ExpressionValue } from './expression-values';

/**
 * Evaluates a parsed expression against its context variables, then turns the value into the JSON Jira
 * answers, within Jira's result limits: at most 10,000 primitive values and 1,000 beans (entities returned
 * as their REST representation). A failure names the sub-expression that failed, as Jira does:
 * `Evaluation failed: "i.status.nme" - Unrecognized property of `i.status`: "nme"…`.
 */
const MAX_PRIMITIVE_VALUES = 10_000;
const MAX_BEANS = 1000;

export function evaluateExpression(source: string, node: ExpressionNode, variables: ReadonlyMap<string, ExpressionValue>): unknown {
  const value = new Evaluation(source).run(node, variables);
  return toJson(value);
}

class Evaluation {
  constructor(private readonly source: string) {}

  run(node: ExpressionNode, scope: ReadonlyMap<string, ExpressionValue>): ExpressionValue {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'variable':
        if (!scope.has(node.name))
          throw this.failure(
            node,
            `Unrecognized variable: "${node.name}". Available variables are: ${[...scope.keys()].sort().join(', ')}`,
          );
        return scope.get(node.name)!;
      case 'list':
        return node.items.map((item) => this.run(item, scope));
      case 'object':
        return new ExpressionRecord(new Map(node.entries.map(([key, value]) => [key, this.run(value, scope)])));
      case 'arrow':
        return new Lambda(node.parameter, node.body, scope);
      case 'equality': {
        const equal = this.equal(node, this.run(node.left, scope), this.run(node.right, scope));
        return node.operator === '==' ? equal : !equal;
      }
      case 'member': {
        const object = this.run(node.object, scope);
        if (object === null && node.optional) return null;
        return this.member(node, object, node.property);
      }
      case 'call': {
        const object = this.run(node.object, scope);
        if (object === null && node.optional) return null;
        return this.call(
          node,
          object,
          node.method,
          node.args.map((arg) => this.run(arg, scope)),
        );
      }
    }
  }

  private member(node: ExpressionNode & { kind: 'member' }, object: ExpressionValue, name: string): ExpressionValue {
    const target = this.text(node.object);
    if (object === null) throw this.failure(node, `Cannot read property "${name}" of null (\`${target}\` is null)`);
    if (object instanceof JiraEntity) {
      if (object.has(name)) return object.read(name);
      throw this.failure(
        node,
        `Unrecognized property of \`${target}\`: "${name}". Available properties of type '${object.typeName}' are: ${object
          .propertyNames()
          .map((p) => `'${p}'`)
          .join(', ')}`,
      );
    }
    if (object instanceof ExpressionRecord) {
      if (object.entries.has(name)) return object.entries.get(name)!;
      throw this.failure(node, `Unrecognized property of \`${target}\`: "${name}"`);
    }
    if ((Array.isArray(object) || typeof object === 'string') && name === 'length') return object.length;
    throw this.failure(
      node,
      `Unrecognized property of \`${target}\`: "${name}" (a ${typeName(object)} has no such property on the simulated site)`,
    );
  }

  private call(node: ExpressionNode & { kind: 'call' }, object: ExpressionValue, method: string, args: ExpressionValue[]): ExpressionValue {
    const target = this.text(node.object);
    if (object === null) throw this.failure(node, `Cannot call method "${method}" of null (\`${target}\` is null)`);
    if (object instanceof JiraDate && method === 'getTime' && args.length === 0) return object.ms;
    if (Array.isArray(object) && method === 'map' && args.length === 1 && args[0] instanceof Lambda) {
      const lambda = args[0];
      return object.map((item) => this.run(lambda.body as ExpressionNode, new Map([...lambda.scope, [lambda.parameter, item]])));
    }
    if (Array.isArray(object) && method === 'filter' && args.length === 1 && args[0] instanceof Lambda) {
      const lambda = args[0];
      return object.filter((item) => {
        const kept = this.run(lambda.body as ExpressionNode, new Map([...lambda.scope, [lambda.parameter, item]]));
        if (typeof kept !== 'boolean') throw this.failure(node, `The function given to filter returned a ${typeName(kept)}, not a Boolean`);
        return kept;
      });
    }
    throw this.failure(
      node,
      `Unrecognized method of \`${target}\`: "${method}" with ${args.length} argument(s). The simulated site knows List.map(function), List.filter(function) and Date.getTime()`,
    );
  }

  /** `==` as Jira compares: null, Booleans, numbers, strings and dates by value; other values are not compared here. */
  private equal(node: ExpressionNode, left: ExpressionValue, right: ExpressionValue): boolean {
    const comparable = (value: ExpressionValue) => value === null || typeof value !== 'object' || value instanceof JiraDate;
    if (!comparable(left) || !comparable(right)) {
      throw this.failure(
        node,
        `The simulated site compares null, Booleans, numbers, strings and dates only, not ${typeName(left)} and ${typeName(right)}`,
      );
    }
    if (left instanceof JiraDate || right instanceof JiraDate)
      return left instanceof JiraDate && right instanceof JiraDate && left.ms === right.ms;
    return left === right;
  }

  private text(node: ExpressionNode): string {
    return this.source.slice(node.start, node.end);
  }

  private failure(node: ExpressionNode, problem: string): ExpressionError {
    return new ExpressionError(`Evaluation failed: "${this.text(node)}" - ${problem}`);
  }
}

function typeName(value: ExpressionValue): string {
  if (Array.isArray(value)) return 'List';
  if (value instanceof JiraDate) return 'Date';
  if (value instanceof Lambda) return 'function';
  if (value instanceof ExpressionRecord) return 'Map';
  if (value instanceof JiraEntity) return value.typeName;
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
}

/** The value as JSON, counting primitives and beans against Jira's limits. */
function toJson(value: ExpressionValue): unknown {
  let primitives = 0;
  let beans = 0;
  const convert = (v: ExpressionValue): unknown => {
    if (Array.isArray(v)) return v.map(convert);
    if (v instanceof ExpressionRecord) return Object.fromEntries([...v.entries].map(([key, item]) => [key, convert(item)]));
    if (v instanceof JiraEntity) {
      beans += 1;
      return v.bean();
    }
    primitives += 1;
    if (v instanceof JiraDate) return dateText(v);
    // Jira answers a function with a string representation that is not meant to be relied on.
    if (v instanceof Lambda) return 'function';
    return v;
  };
  const json = convert(value);
  if (primitives > MAX_PRIMITIVE_VALUES) {
    throw new ExpressionError(
      `Evaluation failed: the result holds ${primitives} primitive values, over the limit of ${MAX_PRIMITIVE_VALUES}.`,
    );
  }
  if (beans > MAX_BEANS) {
    throw new ExpressionError(`Evaluation failed: the result holds ${beans} beans, over the limit of ${MAX_BEANS}.`);
  }
  return json;
}
