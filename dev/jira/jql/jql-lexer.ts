import { queryError } from './jql-error';

/**
 * Splits JQL into tokens: quoted strings, bare words (field names, values, keywords, `FLOW-12`, `-5d`),
 * operators, parentheses and commas. Keywords are recognised later, case-insensitively, by the parser.
 */
type TokenType = 'string' | 'word' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  /** 1-based character position, as Jira reports errors. */
  position: number;
}

const OPERATOR_CHARS = '=!<>~&|';
const SPECIAL = new Set([...OPERATOR_CHARS, '(', ')', ',', '"', "'"]);
const OPERATORS = ['!=', '>=', '<=', '!~', '&&', '||', '=', '>', '<', '~', '!', '&', '|'];

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const position = i + 1;
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, position });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let text = '';
      let j = i + 1;
      while (j < jql.length && jql.charAt(j) !== c) {
        if (jql.charAt(j) === '\\' && j + 1 < jql.length) j++;
        text += jql.charAt(j);
        j++;
      }
      if (j >= jql.length) throw queryError(`The quoted string '${text}' has not been completed.`, position);
      tokens.push({ type: 'string', text, position });
      i = j + 1;
      continue;
    }
    if (OPERATOR_CHARS.includes(c)) {
      const operator = OPERATORS.find((op) => jql.startsWith(op, i));
      if (!operator) throw queryError(`Expecting an operator but got '${c}'.`, position);
      tokens.push({ type: 'operator', text: operator, position });
      i += operator.length;
      continue;
    }
    let j = i;
    while (j < jql.length && !/\s/.test(jql.charAt(j)) && !SPECIAL.has(jql.charAt(j))) j++;
    tokens.push({ type: 'word', text: jql.slice(i, j), position });
    i = j;
  }
  tokens.push({ type: 'eof', text: '', position: jql.length + 1 });
  return tokens;
}
