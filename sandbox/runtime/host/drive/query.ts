/**
 * The part of Drive's search language (files.list `q`) an app data folder needs. Anything else,
 * or anything malformed, is Drive's 400 "Invalid Value" on `q`: stricter than Drive, never kinder.
 *
 *   expr    := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | '(' expr ')' | term
 *   term    := STRING 'in' 'parents'
 *            | ('name' | 'mimeType') ('=' | '!=') STRING | 'name' 'contains' STRING (prefix match)
 *            | 'trashed' ('=' | '!=') ('true' | 'false')
 *            | ('createdTime' | 'modifiedTime') ('=' | '!=' | '<' | '<=' | '>' | '>=') STRING (RFC 3339)
 *            | 'appProperties' 'has' '{' 'key' '=' STRING 'and' 'value' '=' STRING '}'
 */
import { invalidParameter } from './errors';
import type { StoredFile } from './files';

export type FilePredicate = (file: StoredFile, folderId: string) => boolean;

type Token =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'word'; readonly value: string }
  | { readonly kind: 'symbol'; readonly value: string };

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export function parseQuery(q: string): FilePredicate {
  if (q.trim() === '') return () => true;
  const parser = new Parser(tokenize(q));
  const predicate = parser.expression();
  if (!parser.done()) throw invalidQuery();
  return predicate;
}

function invalidQuery(): Error {
  return invalidParameter('q');
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < q.length) {
    const rest = q.slice(at);
    const space = /^\s+/.exec(rest);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const symbol = /^(?:!=|<=|>=|[=<>(){}])/.exec(rest);
    if (space) at += space[0].length;
    else if (word) {
      tokens.push({ kind: 'word', value: word[0] });
      at += word[0].length;
    } else if (symbol) {
      tokens.push({ kind: 'symbol', value: symbol[0] });
      at += symbol[0].length;
    } else if (rest[0] === "'") {
      const [value, length] = readString(rest);
      tokens.push({ kind: 'string', value });
      at += length;
    } else throw invalidQuery();
  }
  return tokens;
}

/** A quoted string with Drive's escapes (\' and \\); returns the value and the characters read. */
function readString(text: string): [string, number] {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (char === "'") return [value, i + 1];
    if (char === '\\') {
      const next = text[i + 1];
      if (next !== "'" && next !== '\\') throw invalidQuery();
      value += next;
      i += 1;
    } else value += char;
  }
  throw invalidQuery();
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  expression(): FilePredicate {
    const parts = [this.conjunction()];
    while (this.keyword('or')) parts.push(this.conjunction());
    return (file, folder) => parts.some((part) => part(file, folder));
  }

  private conjunction(): FilePredicate {
    const parts = [this.unary()];
    while (this.keyword('and')) parts.push(this.unary());
    return (file, folder) => parts.every((part) => part(file, folder));
  }

  private unary(): FilePredicate {
    if (this.keyword('not')) {
      const inner = this.unary();
      return (file, folder) => !inner(file, folder);
    }
    if (this.symbol('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    return this.term();
  }

  private term(): FilePredicate {
    const first = this.next();
    if (first.kind === 'string') {
      if (!this.keyword('in') || !this.word('parents')) throw invalidQuery();
      const parent = first.value;
      return (_file, folderId) => parent === 'appDataFolder' || parent === folderId;
    }
    if (first.kind !== 'word') throw invalidQuery();
    switch (first.value) {
      case 'name':
      case 'mimeType':
        return this.textTerm(first.value);
      case 'trashed':
        return this.trashedTerm();
      case 'createdTime':
      case 'modifiedTime':
        return this.timeTerm(first.value);
      case 'appProperties':
        return this.propertyTerm();
      default:
        throw invalidQuery();
    }
  }

  private textTerm(field: 'name' | 'mimeType'): FilePredicate {
    const operator = this.next();
    const value = this.string();
    const read = (file: StoredFile) => (field === 'name' ? file.name : file.mimeType);
    if (operator.kind === 'word' && operator.value === 'contains' && field === 'name')
      return (file) => read(file).startsWith(value);
    if (operator.kind === 'symbol' && operator.value === '=') return (file) => read(file) === value;
    if (operator.kind === 'symbol' && operator.value === '!=') return (file) => read(file) !== value;
    throw invalidQuery();
  }

  private trashedTerm(): FilePredicate {
    const operator = this.next();
    const value = this.next();
    if (operator.kind !== 'symbol' || (operator.value !== '=' && operator.value !== '!='))
      throw invalidQuery();
    if (value.kind !== 'word' || (value.value !== 'true' && value.value !== 'false')) throw invalidQuery();
    // App data files are never trashed.
    const matches = (value.value === 'false') === (operator.value === '=');
    return () => matches;
  }

  private timeTerm(field: 'createdTime' | 'modifiedTime'): FilePredicate {
    const operator = this.next();
    const compare = operator.kind === 'symbol' ? COMPARISONS[operator.value] : undefined;
    const text = this.string();
    const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)
      ? Date.parse(text)
      : NaN;
    if (!compare || Number.isNaN(time)) throw invalidQuery();
    return (file) => compare(file[field], time);
  }

  private propertyTerm(): FilePredicate {
    if (!this.word('has') || !this.symbol('{') || !this.word('key') || !this.symbol('='))
      throw invalidQuery();
    const key = this.string();
    if (!this.keyword('and') || !this.word('value') || !this.symbol('=')) throw invalidQuery();
    const value = this.string();
    this.expect('}');
    return (file) => file.appProperties[key] === value;
  }

  private string(): string {
    const token = this.next();
    if (token.kind !== 'string') throw invalidQuery();
    return token.value;
  }

  private next(): Token {
    const token = this.tokens[this.at];
    if (!token) throw invalidQuery();
    this.at += 1;
    return token;
  }

  /** and / or / not / in, in any case, as Drive accepts them. */
  private keyword(name: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || token.value.toLowerCase() !== name) return false;
    this.at += 1;
    return true;
  }

  private word(name: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || token.value !== name) return false;
    this.at += 1;
    return true;
  }

  private symbol(value: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'symbol' || token.value !== value) return false;
    this.at += 1;
    return true;
  }

  private expect(value: string): void {
    if (!this.symbol(value)) throw invalidQuery();
  }
}
