import {
  ANY,
  BOOL,
  FLOAT,
  type FnType,
  INT,
  listOf,
  namedType,
  optionOf,
  resultOf,
  STRING,
  type Type,
  UNIT,
} from './types.js';

/** A parsed built-in signature: parameter types and the return type, with type variables as `Var`. */
export interface Signature {
  readonly params: readonly Type[];
  readonly ret: Type;
}

/**
 * Parses a built-in signature string in Aver type syntax (`(Map<K, V>, K) -> Option<V>`, `() -> Float`,
 * `(Int, Fn(HttpRequest) -> HttpResponse ! [..]) -> Unit`). Single capital letters are type variables, `Any` is the
 * 0.15 any-value parameter, and a lowercase word after a parameter type (`String url`) is ignored as a name. A
 * function-typed parameter without `! [..]` accepts callbacks with any effects.
 * Returns `null` for a malformed string (the checker then accepts any arguments for that built-in).
 *
 * @param text - The `signature` field of a `BuiltinSignature`.
 * @returns The signature, or `null` when `text` does not parse.
 */
export function parseSignature(text: string): Signature | null {
  const parser = new SignatureParser(text);
  try {
    const params = parser.parseParamList();
    parser.expect('->');
    const ret = parser.parseType();
    parser.expectEnd();
    return { params, ret };
  } catch (error) {
    if (error instanceof SignatureSyntaxError) return null;
    throw error;
  }
}

/** Parses one type written in built-in signature syntax (exported for tests), or `null` when malformed. */
export function parseSignatureType(text: string): Type | null {
  const parser = new SignatureParser(text);
  try {
    const type = parser.parseType();
    parser.expectEnd();
    return type;
  } catch (error) {
    if (error instanceof SignatureSyntaxError) return null;
    throw error;
  }
}

class SignatureSyntaxError extends Error {}

const TOKEN_PATTERN = /\s*(->|\.\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[()<>,![\]])/y;

class SignatureParser {
  private readonly tokens: string[] = [];
  private position = 0;

  constructor(text: string) {
    TOKEN_PATTERN.lastIndex = 0;
    let match: RegExpExecArray | null;
    let offset = 0;
    while ((match = TOKEN_PATTERN.exec(text)) !== null) {
      this.tokens.push(match[1]);
      offset = TOKEN_PATTERN.lastIndex;
    }
    if (text.slice(offset).trim() !== '') this.tokens.push('<invalid>');
  }

  parseParamList(): Type[] {
    this.expect('(');
    const params: Type[] = [];
    while (this.peek() !== ')') {
      params.push(this.parseType());
      const next = this.peek();
      if (next !== undefined && /^[a-z]/.test(next)) this.position++; // a parameter name
      if (this.peek() === ',') this.position++;
      else if (this.peek() !== ')') throw new SignatureSyntaxError();
    }
    this.position++;
    return params;
  }

  parseType(): Type {
    const token = this.next();
    if (token === '(') {
      const items: Type[] = [this.parseType()];
      while (this.peek() === ',') {
        this.position++;
        items.push(this.parseType());
      }
      this.expect(')');
      return items.length === 1 ? items[0] : { kind: 'Tuple', items };
    }
    if (token === undefined || !/^[A-Z]/.test(token)) throw new SignatureSyntaxError();
    switch (token) {
      case 'Int':
        return INT;
      case 'Float':
        return FLOAT;
      case 'String':
        return STRING;
      case 'Bool':
        return BOOL;
      case 'Unit':
        return UNIT;
      case 'Any':
        return ANY;
      case 'List':
      case 'Vector': {
        const [elem] = this.parseTypeArgs(1);
        return token === 'List' ? listOf(elem) : { kind: 'Vector', elem };
      }
      case 'Option':
        return optionOf(this.parseTypeArgs(1)[0]);
      case 'Result': {
        const [ok, err] = this.parseTypeArgs(2);
        return resultOf(ok, err);
      }
      case 'Map': {
        const [key, value] = this.parseTypeArgs(2);
        return { kind: 'Map', key, value };
      }
      case 'Tuple':
        return { kind: 'Tuple', items: this.parseTypeArgs(-1) };
      case 'Fn':
        return this.parseFnType();
      default:
        return token.length === 1 ? { kind: 'Var', name: token } : namedType(token);
    }
  }

  private parseFnType(): FnType {
    const params = this.parseParamList();
    this.expect('->');
    const ret = this.parseType();
    // A built-in's function parameter without `! [..]` leaves the callback's effects open (HttpServer.listen).
    if (this.peek() !== '!') return { kind: 'Fn', params, ret, effects: null };
    this.position++;
    this.expect('[');
    if (this.peek() === '..') {
      this.position++;
      this.expect(']');
      return { kind: 'Fn', params, ret, effects: null };
    }
    const effects: string[] = [];
    while (this.peek() !== ']') {
      const name = this.next();
      if (name === undefined || !/^[A-Z]/.test(name)) throw new SignatureSyntaxError();
      effects.push(name);
      if (this.peek() === ',') this.position++;
    }
    this.position++;
    return { kind: 'Fn', params, ret, effects };
  }

  /** Parses `<T, …>`; `count` -1 accepts two or more (tuples). */
  private parseTypeArgs(count: number): Type[] {
    this.expect('<');
    const args: Type[] = [this.parseType()];
    while (this.peek() === ',') {
      this.position++;
      args.push(this.parseType());
    }
    this.expect('>');
    if (count === -1 ? args.length < 2 : args.length !== count) throw new SignatureSyntaxError();
    return args;
  }

  expect(token: string): void {
    if (this.next() !== token) throw new SignatureSyntaxError();
  }

  expectEnd(): void {
    if (this.position !== this.tokens.length) throw new SignatureSyntaxError();
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }

  private next(): string | undefined {
    return this.tokens[this.position++];
  }
}
