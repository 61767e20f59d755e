import { queryError } from './jql-error';
import { tokenize, type Token } from './jql-lexer';

/**
 * Parses the JQL the simulated site understands into a tree: clauses joined with AND / OR / NOT and
 * parentheses, then an optional ORDER BY. Which fields and values are valid is the compiler's business;
 * this only knows the grammar.
 */
export type Operand =
  | { kind: 'value'; text: string; quoted: boolean; position: number }
  | { kind: 'function'; name: string; args: string[]; position: number }
  | { kind: 'empty'; position: number };

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export interface Clause {
  type: 'clause';
  field: string;
  fieldPosition: number;
  operator: Operator;
  operands: Operand[];
}

export type JqlNode = Clause | { type: 'and' | 'or'; children: JqlNode[] } | { type: 'not'; child: JqlNode };

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
  position: number;
}

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: SortKey[];
}

const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc', 'was', 'changed']);

const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  private describe(token: Token): string {
    return token.type === 'eof' ? 'EOF' : `'${token.text}'`;
  }

  query(): JqlQuery {
    let where: JqlNode | null = null;
    if (!this.isWord(this.peek(), 'order') && this.peek().type !== 'eof') where = this.or();
    const orderBy: SortKey[] = [];
    if (this.isWord(this.peek(), 'order')) {
      this.next();
      const by = this.next();
      if (!this.isWord(by, 'by')) throw queryError(`Expecting 'BY' but got ${this.describe(by)}.`, by.position);
      for (;;) {
        const field = this.next();
        if (field.type !== 'word' && field.type !== 'string') {
          throw queryError(`Expecting a field name but got ${this.describe(field)}.`, field.position);
        }
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isWord(this.peek(), 'asc') || this.isWord(this.peek(), 'desc')) {
          direction = this.next().text.toLowerCase() as 'asc' | 'desc';
        }
        orderBy.push({ field: field.text, direction, position: field.position });
        if (this.peek().type !== 'comma') break;
        this.next();
      }
    }
    const rest = this.peek();
    if (rest.type !== 'eof') {
      throw queryError(`Expecting either 'OR' or 'AND' but got ${this.describe(rest)}.`, rest.position);
    }
    return { where, orderBy };
  }

  private or(): JqlNode {
    const children = [this.and()];
    while (this.isWord(this.peek(), 'or') || this.peek().text === '||' || this.peek().text === '|') {
      this.next();
      children.push(this.and());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { type: 'or', children };
  }

  private and(): JqlNode {
    const children = [this.unary()];
    while (this.isWord(this.peek(), 'and') || this.peek().text === '&&' || this.peek().text === '&') {
      this.next();
      children.push(this.unary());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { type: 'and', children };
  }

  private unary(): JqlNode {
    const token = this.peek();
    if (this.isWord(token, 'not') || (token.type === 'operator' && token.text === '!')) {
      this.next();
      return { type: 'not', child: this.unary() };
    }
    if (token.type === 'lparen') {
      this.next();
      const inner = this.or();
      const close = this.next();
      if (close.type !== 'rparen') throw queryError(`Expecting ')' but got ${this.describe(close)}.`, close.position);
      return inner;
    }
    return this.clause();
  }

  private clause(): Clause {
    const field = this.next();
    if ((field.type !== 'word' && field.type !== 'string') || (field.type === 'word' && RESERVED.has(field.text.toLowerCase()))) {
      throw queryError(`Expecting a field name but got ${this.describe(field)}.`, field.position);
    }
    const operator = this.operator();
    const operands = this.operands(operator);
    return { type: 'clause', field: field.text, fieldPosition: field.position, operator, operands };
  }

  private operator(): Operator {
    const token = this.next();
    if (token.type === 'operator' && ['=', '!=', '>', '>=', '<', '<=', '~', '!~'].includes(token.text)) {
      return token.text as Operator;
    }
    if (this.isWord(token, 'in')) return 'in';
    if (this.isWord(token, 'is')) {
      if (this.isWord(this.peek(), 'not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (this.isWord(token, 'not') && this.isWord(this.peek(), 'in')) {
      this.next();
      return 'not in';
    }
    if (this.isWord(token, 'was') || this.isWord(token, 'changed')) {
      throw queryError(`The operator '${token.text.toUpperCase()}' is not supported by the simulated Jira site.`, token.position);
    }
    throw queryError(`Expecting operator but got ${this.describe(token)}. ${VALID_OPERATORS}`, token.position);
  }

  private operands(operator: Operator): Operand[] {
    if (operator === 'in' || operator === 'not in') {
      const open = this.next();
      if (open.type !== 'lparen') throw queryError(`Expecting '(' but got ${this.describe(open)}.`, open.position);
      const list: Operand[] = [this.operand()];
      while (this.peek().type === 'comma') {
        this.next();
        list.push(this.operand());
      }
      const close = this.next();
      if (close.type !== 'rparen') throw queryError(`Expecting ')' but got ${this.describe(close)}.`, close.position);
      return list;
    }
    return [this.operand()];
  }

  private operand(): Operand {
    const token = this.next();
    if (token.type === 'string') return { kind: 'value', text: token.text, quoted: true, position: token.position };
    if (token.type !== 'word') {
      throw queryError(`Expecting either a value, list or function but got ${this.describe(token)}.`, token.position);
    }
    const lower = token.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') return { kind: 'empty', position: token.position };
    if (RESERVED.has(lower)) {
      throw queryError(`Expecting either a value, list or function but got ${this.describe(token)}.`, token.position);
    }
    if (this.peek().type === 'lparen') {
      this.next();
      const args: string[] = [];
      while (this.peek().type !== 'rparen') {
        const arg = this.next();
        if (arg.type === 'eof') throw queryError(`Expecting ')' but got EOF.`, arg.position);
        if (arg.type !== 'comma') args.push(arg.text);
      }
      this.next();
      return { kind: 'function', name: token.text, args, position: token.position };
    }
    return { kind: 'value', text: token.text, quoted: false, position: token.position };
  }
}
