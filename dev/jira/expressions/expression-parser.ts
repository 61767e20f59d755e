import { ExpressionError } from './expression-error';

/**
 * Reads the subset of Jira expressions the simulated site evaluates: literals (numbers, strings, `null`,
 * `true`, `false`), variables, member access (`a.b`, `a?.b`), method calls (`list.map(x => …)`,
 * `date.getTime()`), arrow functions as arguments, list literals, object literals and the equality operators
 * `==` and `!=`. Anything else Jira expressions allow (other operators, template literals, `new`, computed
 * access…) is refused with a 400 naming it, rather than evaluated wrongly.
 *
 * Jira's syntactic limits are checked here: at most 1,000 characters and 100 syntactic elements (nodes).
 */
export type ExpressionNode =
  | { kind: 'literal'; value: string | number | boolean | null; start: number; end: number }
  | { kind: 'variable'; name: string; start: number; end: number }
  | { kind: 'member'; object: ExpressionNode; property: string; optional: boolean; start: number; end: number }
  | { kind: 'call'; object: ExpressionNode; method: string; args: ExpressionNode[]; optional: boolean; start: number; end: number }
  | { kind: 'arrow'; parameter: string; body: ExpressionNode; start: number; end: number }
  | { kind: 'list'; items: ExpressionNode[]; start: number; end: number }
  | { kind: 'object'; entries: Array<[string, ExpressionNode]>; start: number; end: number }
  | { kind: 'equality'; operator: '==' | '!='; left: ExpressionNode; right: ExpressionNode; start: number; end: number };

const MAX_EXPRESSION_CHARACTERS = 1000;
const MAX_EXPRESSION_NODES = 100;

type TokenType = 'identifier' | 'number' | 'string' | 'punctuation' | 'unsupported' | 'eof';

interface Token {
  type: TokenType;
  text: string;
  /** 0-based offset into the expression. */
  start: number;
  end: number;
  /** The value of a string literal. */
  value?: string;
}

const PUNCTUATION = ['=>', '==', '!=', '?.', '.', '(', ')', '[', ']', '{', '}', ',', ':'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_$]/.test(c)) {
      while (i < source.length && /[A-Za-z0-9_$]/.test(source.charAt(i))) i++;
      tokens.push({ type: 'identifier', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < source.length && /[0-9.]/.test(source.charAt(i))) i++;
      tokens.push({ type: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < source.length && source.charAt(i) !== c) {
        if (source.charAt(i) === '\\' && i + 1 < source.length) i++;
        value += source.charAt(i);
        i++;
      }
      if (i >= source.length) throw syntaxError(source, start, 'the string literal is not closed');
      i++;
      tokens.push({ type: 'string', text: source.slice(start, i), start, end: i, value });
      continue;
    }
    const punctuation = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (punctuation) {
      i += punctuation.length;
      tokens.push({ type: 'punctuation', text: punctuation, start, end: i });
      continue;
    }
    // An operator or any other character: kept as a token so the parser can name it in its refusal.
    while (i < source.length && /[^\sA-Za-z0-9_$'"(){}[\],:.]/.test(source.charAt(i))) i++;
    tokens.push({ type: 'unsupported', text: source.slice(start, Math.max(i, start + 1)), start, end: Math.max(i, start + 1) });
    i = Math.max(i, start + 1);
  }
  tokens.push({ type: 'eof', text: '', start: source.length, end: source.length });
  return tokens;
}

/** Line and column (1-based) of an offset, as Jira reports parse errors. */
function where(source: string, offset: number): string {
  const before = source.slice(0, offset).split('\n');
  return `Line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function syntaxError(source: string, offset: number, problem: string): ExpressionError {
  return new ExpressionError(`Jira expression failed to parse: ${where(source, offset)}: ${problem}.`);
}

const WORD_LITERALS: Record<string, string | number | boolean | null> = { null: null, true: true, false: false };

class Parser {
  private index = 0;
  nodes = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): ExpressionNode {
    const node = this.expression();
    const next = this.peek();
    if (next.type !== 'eof') throw this.unexpected(next, 'the end of the expression');
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private take(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private expect(text: string): Token {
    const token = this.peek();
    if (token.type !== 'punctuation' || token.text !== text) throw this.unexpected(token, `'${text}'`);
    return this.take();
  }

  private counted<T extends ExpressionNode>(node: T): T {
    this.nodes += 1;
    return node;
  }

  private unexpected(token: Token, expected: string): ExpressionError {
    if (token.type === 'unsupported') {
      return new ExpressionError(
        `Jira expression failed to parse: ${where(this.source, token.start)}: '${token.text}' is not supported by the simulated Jira site, ` +
          'which evaluates literals, variables, member access, method calls, arrow functions, lists, objects, == and !=.',
      );
    }
    const found = token.type === 'eof' ? 'the end of the expression' : `'${token.text}'`;
    return syntaxError(this.source, token.start, `${expected} expected, ${found} encountered`);
  }

  private expression(): ExpressionNode {
    const first = this.peek();
    if (first.type === 'identifier' && this.peek(1).type === 'punctuation' && this.peek(1).text === '=>') {
      this.take();
      this.take();
      const body = this.expression();
      return this.counted({ kind: 'arrow', parameter: first.text, body, start: first.start, end: body.end });
    }
    const left = this.postfix();
    const operator = this.peek();
    if (operator.type !== 'punctuation' || (operator.text !== '==' && operator.text !== '!=')) return left;
    this.take();
    const right = this.postfix();
    return this.counted({ kind: 'equality', operator: operator.text, left, right, start: left.start, end: right.end });
  }

  private postfix(): ExpressionNode {
    let node = this.primary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punctuation' || (token.text !== '.' && token.text !== '?.')) return node;
      this.take();
      const name = this.take();
      if (name.type !== 'identifier') throw this.unexpected(name, 'a property name');
      const optional = token.text === '?.';
      const open = this.peek();
      if (open.type === 'punctuation' && open.text === '(') {
        this.take();
        const args = this.sequence(')');
        const close = this.expect(')');
        node = this.counted({ kind: 'call', object: node, method: name.text, args, optional, start: node.start, end: close.end });
      } else {
        node = this.counted({ kind: 'member', object: node, property: name.text, optional, start: node.start, end: name.end });
      }
    }
  }

  /** Comma-separated expressions up to (not including) `close`. */
  private sequence(close: string): ExpressionNode[] {
    const items: ExpressionNode[] = [];
    while (!(this.peek().type === 'punctuation' && this.peek().text === close)) {
      items.push(this.expression());
      const next = this.peek();
      if (next.type === 'punctuation' && next.text === ',') this.take();
      else if (!(next.type === 'punctuation' && next.text === close)) throw this.unexpected(next, `',' or '${close}'`);
    }
    return items;
  }

  private primary(): ExpressionNode {
    const token = this.take();
    switch (token.type) {
      case 'number': {
        const value = Number(token.text);
        if (!Number.isFinite(value)) throw syntaxError(this.source, token.start, `'${token.text}' is not a number`);
        return this.counted({ kind: 'literal', value, start: token.start, end: token.end });
      }
      case 'string':
        return this.counted({ kind: 'literal', value: token.value ?? '', start: token.start, end: token.end });
      case 'identifier':
        if (token.text in WORD_LITERALS)
          return this.counted({ kind: 'literal', value: WORD_LITERALS[token.text]!, start: token.start, end: token.end });
        if (token.text === 'new' || token.text === 'typeof') throw this.unexpected({ ...token, type: 'unsupported' }, '');
        return this.counted({ kind: 'variable', name: token.text, start: token.start, end: token.end });
      case 'punctuation':
        if (token.text === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.text === '[') {
          const items = this.sequence(']');
          const close = this.expect(']');
          return this.counted({ kind: 'list', items, start: token.start, end: close.end });
        }
        if (token.text === '{') return this.objectLiteral(token);
        throw this.unexpected(token, 'a value');
      default:
        throw this.unexpected(token, 'a value');
    }
  }

  private objectLiteral(open: Token): ExpressionNode {
    const entries: Array<[string, ExpressionNode]> = [];
    while (!(this.peek().type === 'punctuation' && this.peek().text === '}')) {
      const key = this.take();
      if (key.type !== 'identifier' && key.type !== 'string') throw this.unexpected(key, 'a property name');
      this.expect(':');
      entries.push([key.type === 'string' ? (key.value ?? '') : key.text, this.expression()]);
      const next = this.peek();
      if (next.type === 'punctuation' && next.text === ',') this.take();
      else if (!(next.type === 'punctuation' && next.text === '}')) throw this.unexpected(next, "',' or '}'");
    }
    const close = this.expect('}');
    return this.counted({ kind: 'object', entries, start: open.start, end: close.end });
  }
}

/** Parses an expression within Jira's syntactic limits; throws `ExpressionError` (a 400) otherwise. */
export function parseExpression(source: string): ExpressionNode {
  if (source.length > MAX_EXPRESSION_CHARACTERS) {
    throw new ExpressionError(`Jira expression is too long (${source.length}), limit: ${MAX_EXPRESSION_CHARACTERS} characters`);
  }
  if (source.trim() === '') throw new ExpressionError('Jira expression must not be empty.');
  const parser = new Parser(source, tokenize(source));
  const node = parser.parseAll();
  if (parser.nodes > MAX_EXPRESSION_NODES) {
    throw new ExpressionError(`Jira expression has too many nodes (${parser.nodes}), limit: ${MAX_EXPRESSION_NODES} leaves`);
  }
  return node;
}
