import {
  BOX_FIELDS,
  FLOAT_LITERALS,
  INT_LITERALS,
  KEY_LITERALS,
  STRING_LITERALS,
  type Ty,
  TYPE_WEIGHTS,
} from './generator-prelude.js';

/**
 * The expression half of the program generator (program-generator.ts): one-line expressions of each generated type,
 * reading only names in scope with that type, and the generator's names and random choices.
 */

/** The choices a generator makes; `differential.test.ts` backs it with fast-check. */
export interface Rng {
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
}

/** A statement-level expression: one line, or a `match` whose arm bodies are blocks again. */
export type Block = string | { readonly subject: string; readonly arms: readonly Arm[] };
export interface Arm {
  readonly pattern: string;
  readonly body: Block;
}

export interface Var {
  readonly name: string;
  readonly ty: Ty;
}

export interface FnSig {
  readonly name: string;
  readonly params: readonly Ty[];
  readonly ret: Ty;
  /** A generated tail-recursive loop: `(i: Int, n: Int, x: T, y: U) -> T`, called as `loop(0, n, x, y)`. */
  readonly loop: boolean;
  /** No `! [Console.print]` (so it can be passed as a pure `Fn` value, and called from pure functions). */
  readonly pure: boolean;
}

export class ExpressionGenerator {
  protected counter = 0;
  protected scopes: Var[][] = [];
  protected readonly functions: FnSig[] = [];
  /** Whether the body being generated may print (and call functions that print). */
  protected effects = true;

  constructor(protected readonly rng: Rng) {}

  // -------------------------------------------------------------------------------------------------------------
  // Simple (one-line) expressions by type

  protected simple(ty: Ty, depth: number): string {
    if (depth <= 0) return this.leaf(ty);
    const d = depth - 1;
    const sub = (t: Ty) => this.simple(t, d);
    const options: (() => string | null)[] = [
      () => this.variable(ty),
      () => this.leaf(ty),
      () => this.call(ty, d),
    ];
    switch (ty) {
      case 'Int':
        options.push(
          () => `(${sub('Int')} ${this.pick(['+', '-', '*'])} ${sub('Int')})`,
          () => `(${sub('Int')} ${this.pick(['+', '-'])} ${this.pick(['1', '3', '2147483647'])})`,
          () => `getVia(${this.pick(['Vector.get', 'firstOrNone'])}, ${sub('Vec')})`,
          () => `Vector.len(${sub('VecVec')})`,
          () => `(${sub('Int')} / ${this.pick(['2', '-3', '7', '-1'])})`,
          () => `-${sub('Int')}`,
          () => `Int.abs(${sub('Int')})`,
          () => `${this.pick(['Float.round', 'Float.floor', 'Int.fromFloat'])}(${sub('Float')})`,
          () => `Int.max(${sub('Int')}, ${sub('Int')})`,
          () => `Vector.len(${sub('Vec')})`,
          () => `Map.len(${sub('Map')})`,
          () => `List.len(${sub(this.pick<Ty>(['ListI', 'ListS', 'ListVec']))})`,
          () => `String.len(${sub('String')})`,
          () => `Option.withDefault(Vector.get(${sub('Vec')}, ${this.index()}), ${sub('Int')})`,
          () => `Option.withDefault(Map.get(${sub('Map')}, ${this.key(d)}), ${sub('Int')})`,
          () => `Option.withDefault(${sub('OptI')}, ${sub('Int')})`,
          () => `Result.withDefault(${sub('ResI')}, ${sub('Int')})`,
          () => `${sub('Box')}.n`,
          () => `${sub('Pt')}.${this.pick(['x', 'y'])}`,
          () => `sumPt(${sub('Pt')})`,
          () => `area(${sub('Shape')})`,
          () => `firstOr(${sub('Vec')}, ${sub('Int')})`,
          () => `sumLoop(${sub('Vec')}, 0, ${sub('Int')})`,
          () => `hashLoop(0, ${this.rng.int(0, 20)}, ${sub('Int')})`,
          () => `${this.pick(['evens', 'odds'])}(${this.rng.int(0, 30)}, ${sub('Int')})`,
        );
        break;
      case 'Float':
        options.push(
          () => `(${sub('Float')} ${this.pick(['+', '-', '*', '/'])} ${sub('Float')})`,
          () => `-${sub('Float')}`,
          () => `Float.fromInt(${sub('Int')})`,
          () => `Float.sqrt(${sub('Float')})`,
          () => `Float.max(${sub('Float')}, ${sub('Float')})`,
          () => `Float.pow(10.0, ${this.pick(['300.0', '400.0', '-400.0'])})`,
        );
        break;
      case 'String':
        options.push(
          () => this.interpolation(d),
          () => `(${sub('String')} + ${sub('String')})`,
          () => `String.fromInt(${sub('Int')})`,
          () => `String.fromFloat(${sub('Float')})`,
          () => `String.join(${sub('ListS')}, ${this.pick(['","', '""', '" | "'])})`,
          () =>
            `String.join(labels(${this.rng.int(0, 6)}), ${this.rng.int(0, 1) === 0 ? '","' : sub('String')})`,
          () => `String.join(tagged(${this.rng.int(0, 4)}, ${sub('Vec')}), "-")`,
          () => (this.effects ? `String.join(noisy(${this.rng.int(0, 3)}), ";")` : null),
          () => `interpLoop(0, ${this.rng.int(0, 8)}, ${sub('String')})`,
          () => `String.slice(${sub('String')}, 0, 2)`,
        );
        break;
      case 'Bool':
        options.push(
          () => `(${sub('Int')} ${this.pick(['<', '<=', '>', '>=', '==', '!='])} ${sub('Int')})`,
          () => `(${sub('Float')} ${this.pick(['<', '==', '!=', '>='])} ${sub('Float')})`,
          () => `(${sub('String')} ${this.pick(['<', '<=', '==', '!=', '>', '>='])} ${sub('String')})`,
          () => {
            const t = this.pick<Ty>(['Vec', 'Map', 'Box', 'Shape', 'Pair', 'OptVec', 'ListVec']);
            return `(${sub(t)} ${this.pick(['==', '!='])} ${sub(t)})`;
          },
          () => `Map.has(${sub('Map')}, ${this.key(d)})`,
          () => `Bool.not(${sub('Bool')})`,
          () => `Bool.and(${sub('Bool')}, ${sub('Bool')})`,
          () => `List.contains(${sub('ListI')}, ${sub('Int')})`,
        );
        break;
      case 'Vec':
        options.push(
          () => this.variable('Vec'),
          () => this.fusedSet(d),
          () => this.fusedSet(d),
          () =>
            `Option.withDefault(Vector.set(${sub('Vec')}, ${this.index()}, ${sub('Int')}), ${sub('Vec')})`,
          () => `setV(${sub('Vec')}, ${this.index()}, ${sub('Int')})`,
          () => `${this.pick(['idV', 'bump0'])}(${sub('Vec')})`,
          () => `keepFirst(${sub('Vec')}, ${sub('Vec')})`,
          () => `twice(${sub('Vec')}, ${this.index()})`,
          () => `applyV(${this.pick(['idV', 'bump0', ...this.vecFunctions()])}, ${sub('Vec')})`,
          () => `fillLoop(${sub('Vec')}, 0, ${this.rng.int(0, 6)})`,
          () => `Vector.fromList(${sub('ListI')})`,
          () => `${sub('Box')}.v`,
          () => `Option.withDefault(${sub('OptVec')}, ${sub('Vec')})`,
          () => `Option.withDefault(Map.get(${sub('MapVec')}, ${this.key(d)}), ${sub('Vec')})`,
          () => `holderOr(${sub('Shape')}, ${sub('Vec')})`,
          () => `Option.withDefault(Vector.get(${sub('VecVec')}, ${this.index()}), ${sub('Vec')})`,
          () => {
            const local = this.variable('VecVec');
            const vv = local ?? sub('VecVec');
            return `Option.withDefault(Vector.get(${vv}, ${this.index()}), ${this.variable('Vec') ?? sub('Vec')})`;
          },
          () => {
            const gl = this.rng.int(0, 1) === 0 ? 'gl' : sub('ListVec');
            return `headOr(${gl}, ${sub('Vec')})`;
          },
        );
        break;
      case 'Map':
        options.push(
          () => this.variable('Map'),
          () => `Map.set(${this.variable('Map') ?? sub('Map')}, ${this.key(d)}, ${sub('Int')})`,
          () => `Map.set(${sub('Map')}, ${this.key(d)}, ${sub('Int')})`,
          () => `Map.remove(${sub('Map')}, ${this.key(d)})`,
          () => `setM(${sub('Map')}, ${this.key(d)}, ${sub('Int')})`,
          () => `idM(${sub('Map')})`,
          () => `mapLoop(${sub('Map')}, 0, ${this.rng.int(0, 5)})`,
          () => `viaFn(${this.pick(['Map.set', 'setM'])}, ${sub('Map')}, ${this.key(d)})`,
          () => `${sub('Box')}.m`,
          () => `Option.withDefault(${sub('OptMap')}, ${sub('Map')})`,
          () => `{${this.key(d)} => ${sub('Int')}, ${this.key(d)} => ${sub('Int')}}`,
          () => `Map.fromList([(${this.key(d)}, ${sub('Int')}), (${this.key(d)}, ${sub('Int')})])`,
        );
        break;
      case 'ListI':
        options.push(
          () => `[${sub('Int')}, ${sub('Int')}]`,
          () => `List.prepend(${sub('Int')}, ${sub('ListI')})`,
          () => `Map.values(${sub('Map')})`,
          () => `List.fromVector(${sub('Vec')})`,
          () => `List.reverse(${sub('ListI')})`,
          () => `List.concat(${sub('ListI')}, ${sub('ListI')})`,
          () => `List.take(${sub('ListI')}, ${this.rng.int(0, 3)})`,
        );
        break;
      case 'ListS':
        options.push(
          () => `Map.keys(${sub('Map')})`,
          () => `[${sub('String')}, ${sub('String')}]`,
          () => `labels(${this.rng.int(0, 5)})`,
          () => `tagged(${this.rng.int(0, 3)}, ${sub('Vec')})`,
          () => `List.prepend(${sub('String')}, ${sub('ListS')})`,
          () => `String.split(${sub('String')}, ${this.pick(['","', '"a"', '""'])})`,
        );
        break;
      case 'OptVec':
        options.push(
          () => `Vector.set(${sub('Vec')}, ${this.index()}, ${sub('Int')})`,
          () => `Vector.set(${this.variable('Vec') ?? sub('Vec')}, ${this.index()}, ${sub('Int')})`,
          () => `Option.Some(${sub('Vec')})`,
          () => `Map.get(${sub('MapVec')}, ${this.key(d)})`,
        );
        break;
      case 'OptMap':
        options.push(() => `Option.Some(${sub('Map')})`);
        break;
      case 'OptI':
        options.push(
          () => `Vector.get(${sub('Vec')}, ${this.index()})`,
          () => `Map.get(${sub('Map')}, ${this.key(d)})`,
          () => `Option.Some(${sub('Int')})`,
        );
        break;
      case 'Pair':
        options.push(() => `(${sub('Vec')}, ${sub('Map')})`);
        break;
      case 'Box':
        options.push(
          () => this.boxLiteral(d),
          () => this.boxLiteral(d),
          () => {
            const fields = this.shuffle(['v', 'm', 'n']).slice(0, this.rng.int(1, 3));
            const values = fields.map((field) => `${field} = ${sub(BOX_FIELDS[field])}`);
            return `Box.update(${sub('Box')}, ${values.join(', ')})`;
          },
        );
        break;
      case 'Pt':
        options.push(
          () => {
            const order = this.shuffle(['x', 'y']);
            return `Pt(${order.map((field) => `${field} = ${sub('Int')}`).join(', ')})`;
          },
          () => `mkPt(${sub('Int')}, ${sub('Int')})`,
          () => `Pt.update(${sub('Pt')}, ${this.pick(['x', 'y'])} = ${sub('Int')})`,
        );
        break;
      case 'Shape':
        options.push(
          () => `Shape.Holder(${sub('Vec')})`,
          () => `Shape.Holder(${sub('Vec')})`,
          () => `Shape.Rect(${sub('Int')}, ${sub('Int')})`,
          () => `Shape.Circle(${sub('Float')})`,
          () => `Shape.Keyed(${sub('Map')}, ${sub('Int')})`,
        );
        break;
      case 'ListVec':
        options.push(
          () => `[${sub('Vec')}, ${sub('Vec')}]`,
          () => `List.prepend(${sub('Vec')}, ${sub('ListVec')})`,
          () => `Map.values(${sub('MapVec')})`,
        );
        break;
      case 'MapVec':
        options.push(
          () => `{${this.key(d)} => ${sub('Vec')}}`,
          () => `Map.set(${sub('MapVec')}, ${this.key(d)}, ${sub('Vec')})`,
          () => `Map.remove(${sub('MapVec')}, ${this.key(d)})`,
        );
        break;
      case 'VecVec':
        options.push(
          () => `Vector.new(${this.rng.int(0, 3)}, ${sub('Vec')})`,
          () => {
            const local = this.variable('VecVec');
            if (local === null) return null;
            return `Option.withDefault(Vector.set(${local}, ${this.index()}, ${sub('Vec')}), ${local})`;
          },
          () =>
            `Option.withDefault(Vector.set(${sub('VecVec')}, ${this.index()}, ${sub('Vec')}), ${sub('VecVec')})`,
          () => `Vector.fromList(${sub('ListVec')})`,
        );
        break;
      case 'ResI':
        options.push(
          () =>
            `Int.mod(${sub('Int')}, ${this.rng.int(0, 3) === 0 ? sub('Int') : this.pick(['3', '-7', '1000000007'])})`,
          // Typed from both sides: a bare `Result.Ok(x)` would leave the Err type open (and `Result.Err(e)` the
          // Ok type), and an operator on a binder of an open type does not compile.
          () => `Int.fromString(${sub('String')})`,
          () => `Int.fromString(String.fromInt(${sub('Int')}))`,
          () => `parseSum(${sub('String')}, String.fromInt(${sub('Int')}))`,
          () => `parseBoth(${this.pick(['"4"', '"x"', '"-9223372036854775808"'])}, ${sub('Int')})`,
        );
        break;
    }
    for (let attempt = 0; attempt < 8; attempt++) {
      const made = options[this.rng.int(0, options.length - 1)]();
      if (made !== null) return made;
    }
    return this.leaf(ty);
  }

  /** A closed expression of type `ty` reading no locals (or a local of that type). */
  protected leaf(ty: Ty): string {
    if (this.rng.int(0, 2) > 0) {
      const local = this.variable(ty);
      if (local !== null) return local;
    }
    switch (ty) {
      case 'Int':
        return this.rng.int(0, 1) === 0 ? String(this.rng.int(0, 5)) : this.pick(INT_LITERALS);
      case 'Float':
        return this.pick(FLOAT_LITERALS);
      case 'String':
        return this.pick(STRING_LITERALS);
      case 'Bool':
        return this.pick(['true', 'false']);
      case 'Vec':
        return this.rng.int(0, 3) === 0
          ? 'gv'
          : `Vector.new(${this.rng.int(0, 4)}, ${this.pick(['0', '1', '9007199254740991'])})`;
      case 'Map':
        return this.pick(['gm', '{"a" => 1}', '{"b" => 2, "a" => 3}', 'setM(gm, "z", 0)']);
      case 'ListI':
        return this.pick(['[1, 2]', '[0]', 'List.reverse([3, 1, 2])']);
      case 'ListS':
        return this.pick(['["a"]', '["x", "y"]', 'labels(2)']);
      case 'OptVec':
        return this.pick(['Vector.set(Vector.new(2, 0), 1, 5)', 'Vector.set(gv, 9, 1)', 'Option.Some(gv)']);
      case 'OptMap':
        return this.pick(['Option.Some({"z" => 0})', 'Option.Some(gm)']);
      case 'OptI':
        return this.pick(['Option.Some(3)', 'Vector.get(gv, 5)', 'Map.get(gm, "g")']);
      case 'Pair':
        return this.pick(['(Vector.new(1, 1), {"p" => 1})', '(gv, gm)']);
      case 'Box':
        return this.pick([
          'Box(v = Vector.new(1, 2), m = {"q" => 4}, n = 0)',
          'Box(n = 1, m = gm, v = gv)',
          'gb',
        ]);
      case 'Pt':
        return this.pick(['Pt(x = 1, y = 2)', 'Pt(y = 9223372036854775807, x = 1)']);
      case 'Shape':
        return this.pick(['Shape.Empty', 'Shape.Rect(2, 3)', 'Shape.Holder(gv)', 'Shape.Circle(1.5)']);
      case 'ListVec':
        return this.pick(['[Vector.new(1, 3)]', '[gv, gv]', 'gl']);
      case 'MapVec':
        return this.pick(['{"q" => Vector.new(2, 1)}', '{"a" => gv}']);
      case 'VecVec':
        return this.pick(['Vector.new(2, gv)', 'Vector.new(1, Vector.new(2, 0))', 'Vector.fromList(gl)']);
      case 'ResI':
        return this.pick(['Int.fromString("12")', 'Int.fromString("e")', 'Int.mod(7, 0)']);
    }
  }

  /** `Option.withDefault(Vector.set(v, i, x), v)` on one local: the fused, in-place-when-possible form. */
  protected fusedSet(depth: number): string | null {
    const local = this.variable('Vec');
    if (local === null) return null;
    return `Option.withDefault(Vector.set(${local}, ${this.index()}, ${this.simple('Int', depth)}), ${local})`;
  }

  protected boxLiteral(depth: number): string {
    const fields = this.shuffle(['v', 'm', 'n']);
    return `Box(${fields.map((field) => `${field} = ${this.simple(BOX_FIELDS[field], depth)}`).join(', ')})`;
  }

  protected interpolation(depth: number): string {
    const pieces = Array.from({ length: this.rng.int(1, 3) }, () => `{${this.embedded(this.type(), depth)}}`);
    const texts = ['', '-', ' ', 'a=', '|'];
    return `"${pieces.map((piece) => this.pick(texts) + piece).join('')}${this.pick(texts)}"`;
  }

  /**
   * An expression to put inside `{…}` of an interpolation: one without string literals (no nested quotes) that
   * does not start with `{` (`{{` is an escaped brace); a local of the type when no such expression comes out.
   */
  protected embedded(ty: Ty, depth: number): string {
    for (let attempt = 0; attempt < 3; attempt++) {
      const made = this.simple(ty, depth);
      if (!made.includes('"') && !made.startsWith('{')) return made;
    }
    return this.variable(ty) ?? this.pick(['0', '7', '9223372036854775807']);
  }

  /** A call of a generated function returning `ty` (a loop gets `0` and a small bound first). */
  protected call(ty: Ty, depth: number): string | null {
    const candidates = this.functions.filter((fn) => fn.ret === ty && (fn.pure || this.effects));
    if (candidates.length === 0) return null;
    const fn = this.pick(candidates);
    if (fn.loop) {
      const rest = fn.params.slice(2).map((param) => this.simple(param, depth));
      return `${fn.name}(0, ${this.rng.int(0, 6)}, ${rest.join(', ')})`;
    }
    return `${fn.name}(${fn.params.map((param) => this.simple(param, depth)).join(', ')})`;
  }

  /** Generated functions usable as `Fn(Vector<Int>) -> Vector<Int>`. */
  protected vecFunctions(): string[] {
    return this.functions
      .filter(
        (fn) => fn.pure && !fn.loop && fn.ret === 'Vec' && fn.params.length === 1 && fn.params[0] === 'Vec',
      )
      .map((fn) => fn.name);
  }

  /** A vector index: mostly 0–2, sometimes out of range, sometimes computed (possibly reading the vector). */
  protected index(): string {
    const choice = this.rng.int(0, 7);
    if (choice === 0) return this.pick(['-1', '4', '9007199254740993']);
    if (choice === 1) return `Int.min(2, ${this.simple('Int', 1)})`;
    return String(this.rng.int(0, 2));
  }

  protected key(depth: number): string {
    const choice = this.rng.int(0, 5);
    if (choice === 0) return `"k{${this.embedded('Int', Math.min(depth, 1))}}"`;
    if (choice === 1) return this.variable('String') ?? this.pick(KEY_LITERALS);
    return this.pick(KEY_LITERALS);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Names and choices

  protected variable(ty: Ty): string | null {
    const candidates = this.visible().filter((local) => local.ty === ty);
    if (candidates.length === 0) return null;
    // Later names are likelier: they are the ones most recently updated or aliased.
    const index = Math.max(this.rng.int(0, candidates.length - 1), this.rng.int(0, candidates.length - 1));
    return candidates[index].name;
  }

  protected visible(): Var[] {
    return this.scopes.flat();
  }

  protected withScope<T>(binders: Var[], run: () => T): T {
    this.scopes.push(binders);
    try {
      return run();
    } finally {
      this.scopes.pop();
    }
  }

  protected fresh(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  protected type(): Ty {
    const total = TYPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.rng.int(0, total - 1);
    for (const [ty, weight] of TYPE_WEIGHTS) {
      if (roll < weight) return ty;
      roll -= weight;
    }
    return 'Int';
  }

  protected pick<T>(items: readonly T[]): T {
    return items[this.rng.int(0, items.length - 1)];
  }

  protected shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  protected maybeSwap(arms: Arm[]): Arm[] {
    return this.rng.int(0, 1) === 0 ? arms : [arms[1], arms[0]];
  }
}
