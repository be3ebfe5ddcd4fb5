/**
 * A generator of well-typed Aver programs for differential tests of the compiler's optimisations (see
 * differential.test.ts). Programs are type-correct by construction: every expression is produced from a typed
 * template for the type it must have, reading only names in scope with that type. They stress what the compiler
 * optimises:
 *
 * - Vector and Map values aliased through locals, lists, tuples, records, variants, Option wrappers, globals,
 *   function parameters, returns and function values, then updated with `Vector.set` / `Map.set` / `Map.remove`
 *   (fused `Option.withDefault(Vector.set(v, …), v)` included) while the other copies are read back and printed
 *   (in-place updates, `MOVE_LOCAL` / share marks, `VECTOR_SET_OR_KEEP`, borrowed built-in arguments);
 * - records and sum types built and only taken apart (scalar replacement), `match` in every form the compiler
 *   fuses (Bool branches, Int literals, constructors, wrappers, lists, tuples, binders), nested;
 * - small leaf helpers called from many places (inlining), tail-recursive loops with accumulators (self and
 *   mutual tail calls), `List<String>` built recursively and joined (`buffer_build`), interpolation in loops
 *   (`interp_lower`);
 * - Int arithmetic near 2^53 and the i64 limits (wrapping), Float corner cases (NaN, infinities, -0.0).
 *
 * The randomness comes from a `Rng`, so fast-check (`fc.gen()`) drives and shrinks it.
 */

/** The choices a generator makes; `differential.test.ts` backs it with fast-check. */
export interface Rng {
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
}

/** The types generated programs use. */
export type Ty =
  | 'Int'
  | 'Float'
  | 'String'
  | 'Bool'
  | 'Vec'
  | 'Map'
  | 'ListI'
  | 'ListS'
  | 'OptVec'
  | 'OptMap'
  | 'OptI'
  | 'Pair'
  | 'Box'
  | 'Pt'
  | 'Shape'
  | 'ListVec'
  | 'MapVec'
  | 'VecVec'
  | 'ResI';

const TYPE_TEXT: Readonly<Record<Ty, string>> = {
  Int: 'Int',
  Float: 'Float',
  String: 'String',
  Bool: 'Bool',
  Vec: 'Vector<Int>',
  Map: 'Map<String, Int>',
  ListI: 'List<Int>',
  ListS: 'List<String>',
  OptVec: 'Option<Vector<Int>>',
  OptMap: 'Option<Map<String, Int>>',
  OptI: 'Option<Int>',
  Pair: 'Tuple<Vector<Int>, Map<String, Int>>',
  Box: 'Box',
  Pt: 'Pt',
  Shape: 'Shape',
  ListVec: 'List<Vector<Int>>',
  MapVec: 'Map<String, Vector<Int>>',
  VecVec: 'Vector<Vector<Int>>',
  ResI: 'Result<Int, String>',
};

/** How often each type is picked for a binding, a parameter or a result (owned types dominate). */
const TYPE_WEIGHTS: readonly [Ty, number][] = [
  ['Vec', 20],
  ['Map', 14],
  ['Int', 10],
  ['String', 6],
  ['Box', 6],
  ['Shape', 6],
  ['Pt', 5],
  ['OptVec', 5],
  ['Pair', 4],
  ['ListI', 4],
  ['Float', 4],
  ['ListVec', 3],
  ['MapVec', 3],
  ['VecVec', 3],
  ['ListS', 3],
  ['OptI', 3],
  ['OptMap', 3],
  ['Bool', 3],
  ['ResI', 2],
];

/** Types, records, globals and helpers every generated program starts with. */
export const PRELUDE = `record Box
    v: Vector<Int>
    m: Map<String, Int>
    n: Int

record Pt
    x: Int
    y: Int

type Shape
    Circle(Float)
    Rect(Int, Int)
    Holder(Vector<Int>)
    Keyed(Map<String, Int>, Int)
    Empty

gv = Vector.new(3, 7)
gm = {"g" => 1}
gb = Box(v = Vector.new(2, 5), m = {"gb" => 2}, n = 3)
gl = [gv, Vector.new(1, 4)]

fn setV(v: Vector<Int>, i: Int, x: Int) -> Vector<Int>
    Option.withDefault(Vector.set(v, i, x), v)

fn setM(m: Map<String, Int>, k: String, x: Int) -> Map<String, Int>
    Map.set(m, k, x)

fn idV(v: Vector<Int>) -> Vector<Int>
    v

fn idM(m: Map<String, Int>) -> Map<String, Int>
    m

fn bump0(v: Vector<Int>) -> Vector<Int>
    Option.withDefault(Vector.set(v, 0, Option.withDefault(Vector.get(v, 0), 0) + 1), v)

fn keepFirst(v: Vector<Int>, w: Vector<Int>) -> Vector<Int>
    w2 = Option.withDefault(Vector.set(w, 0, Vector.len(v)), w)
    v

fn firstOr(v: Vector<Int>, d: Int) -> Int
    Option.withDefault(Vector.get(v, 0), d)

fn sumPt(p: Pt) -> Int
    p.x + p.y

fn mkPt(a: Int, b: Int) -> Pt
    Pt(x = a, y = b)

fn holderOr(s: Shape, d: Vector<Int>) -> Vector<Int>
    match s
        Shape.Holder(v) -> v
        _ -> d

fn area(s: Shape) -> Int
    match s
        Shape.Rect(w, h) -> w * h
        Shape.Holder(v) -> Vector.len(v)
        Shape.Keyed(m, n) -> Map.len(m) + n
        Shape.Circle(r) -> Float.round(r * r)
        Shape.Empty -> 0

fn twice(v: Vector<Int>, i: Int) -> Vector<Int>
    setV(setV(v, i, 1), i + 1, 2)

fn applyV(f: Fn(Vector<Int>) -> Vector<Int>, v: Vector<Int>) -> Vector<Int>
    f(v)

fn fillLoop(v: Vector<Int>, i: Int, n: Int) -> Vector<Int>
    match i >= n
        true -> v
        false -> fillLoop(Option.withDefault(Vector.set(v, i, i * i), v), i + 1, n)

fn mapLoop(m: Map<String, Int>, i: Int, n: Int) -> Map<String, Int>
    match i >= n
        true -> m
        false -> mapLoop(Map.set(m, "k{i}", i), i + 1, n)

fn sumLoop(v: Vector<Int>, i: Int, acc: Int) -> Int
    match i >= Vector.len(v)
        true -> acc
        false -> sumLoop(v, i + 1, acc + Option.withDefault(Vector.get(v, i), 0))

fn hashLoop(i: Int, n: Int, acc: Int) -> Int
    match i >= n
        true -> acc
        false -> hashLoop(i + 1, n, acc * 1000003 + i)

fn interpLoop(i: Int, n: Int, acc: String) -> String
    match i >= n
        true -> acc
        false -> interpLoop(i + 1, n, "{acc}{i},")

fn labels(n: Int) -> List<String>
    match n <= 0
        true -> []
        false -> List.prepend("L{n}", labels(n - 1))

fn tagged(n: Int, v: Vector<Int>) -> List<String>
    match n <= 0
        true -> ["end{Vector.len(v)}"]
        false -> List.concat(["{n}:{firstOr(v, 0)}"], tagged(n - 1, v))

fn noisy(n: Int) -> List<String>
    ! [Console.print]
    Console.print("noisy {n}")
    match n <= 0
        true -> []
        false -> List.prepend("N{n}", noisy(n - 1))

fn parseSum(a: String, b: String) -> Result<Int, String>
    x = Int.fromString(a)?
    y = Int.fromString(b)?
    Result.Ok(x + y)

fn parseBoth(a: String, b: Int) -> Result<Int, String>
    pair = (Int.fromString(a), Int.mod(b, 3))?!
    match pair
        (x, y) -> Result.Ok(x * y)

fn headOr(l: List<Vector<Int>>, d: Vector<Int>) -> Vector<Int>
    match l
        [h, ..t] -> h
        [] -> d

fn firstOrNone(v: Vector<Int>, i: Int) -> Option<Int>
    Vector.get(v, i)

fn viaFn(f: Fn(Map<String, Int>, String, Int) -> Map<String, Int>, m: Map<String, Int>, k: String) -> Map<String, Int>
    f(m, k, Map.len(m))

fn getVia(f: Fn(Vector<Int>, Int) -> Option<Int>, v: Vector<Int>) -> Int
    Option.withDefault(f(v, 0), -1)

fn evens(n: Int, acc: Int) -> Int
    match n <= 0
        true -> acc
        false -> odds(n - 1, acc + 2)

fn odds(n: Int, acc: Int) -> Int
    match n <= 0
        true -> acc
        false -> evens(n - 1, acc * 3)
`;

/** Int literals around the interesting boundaries (2^31, 2^53, i64). */
const INT_LITERALS = [
  '0',
  '1',
  '2',
  '3',
  '-1',
  '7',
  '41',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4503599627370497',
  '9007199254740991',
  '9007199254740992',
  '-9007199254740991',
  '3037000499',
  '4611686018427387904',
  '9223372036854775807',
  '(-9223372036854775807 - 1)',
];
const FLOAT_LITERALS = ['0.0', '1.5', '0.1', '2.5', '-2.5', '3.0', '-0.0', '100000000000000000000.0'];
const STRING_LITERALS = ['""', '"a"', '"b"', '"k1"', '"ß"', '"😀x"', '"a b"', '"g"'];
const KEY_LITERALS = ['"a"', '"b"', '"c"', '"k1"', '"g"', '"a b"'];

/** A statement-level expression: one line, or a `match` whose arm bodies are blocks again. */
type Block = string | { readonly subject: string; readonly arms: readonly Arm[] };
interface Arm {
  readonly pattern: string;
  readonly body: Block;
}

interface Var {
  readonly name: string;
  readonly ty: Ty;
}

interface FnSig {
  readonly name: string;
  readonly params: readonly Ty[];
  readonly ret: Ty;
  /** A generated tail-recursive loop: `(i: Int, n: Int, x: T, y: U) -> T`, called as `loop(0, n, x, y)`. */
  readonly loop: boolean;
  /** No `! [Console.print]` (so it can be passed as a pure `Fn` value, and called from pure functions). */
  readonly pure: boolean;
}

/** The source of one generated program. */
export function generateProgram(rng: Rng): string {
  return new ProgramGenerator(rng).program();
}

class ProgramGenerator {
  private counter = 0;
  private scopes: Var[][] = [];
  private readonly functions: FnSig[] = [];
  /** Whether the body being generated may print (and call functions that print). */
  private effects = true;

  constructor(private readonly rng: Rng) {}

  program(): string {
    const parts: string[] = [PRELUDE];
    const fnCount = this.rng.int(0, 4);
    for (let i = 0; i < fnCount; i++) {
      parts.push(this.rng.int(0, 3) === 0 ? this.loopFunction() : this.function());
    }
    parts.push(this.main());
    return parts.join('\n');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Functions

  private function(): string {
    const name = `g${this.functions.length + 1}`;
    const params = Array.from({ length: this.rng.int(1, 3) }, () => this.type());
    const ret = this.type();
    const names = params.map((_ty, index) => `p${index + 1}`);
    this.scopes = [params.map((ty, index) => ({ name: names[index], ty }))];
    const lines = [
      `fn ${name}(${params.map((ty, index) => `${names[index]}: ${TYPE_TEXT[ty]}`).join(', ')}) -> ${TYPE_TEXT[ret]}`,
    ];
    this.effects = this.rng.int(0, 1) === 0;
    if (this.effects) lines.push('    ! [Console.print]');
    this.statements(lines, this.rng.int(0, 4));
    lines.push(...render('', this.block(ret, 3), 1));
    this.functions.push({ name, params, ret, loop: false, pure: !this.effects });
    return lines.join('\n') + '\n';
  }

  /** `fn loopK(i: Int, n: Int, x: T, y: U) -> T`: a self tail call that updates `x` (and `y`) each round. */
  private loopFunction(): string {
    const name = `loop${this.functions.length + 1}`;
    const state = this.type();
    const extra = this.type();
    this.scopes = [
      [
        { name: 'i', ty: 'Int' },
        { name: 'n', ty: 'Int' },
        { name: 'x', ty: state },
        { name: 'y', ty: extra },
      ],
    ];
    const lines = [
      `fn ${name}(i: Int, n: Int, x: ${TYPE_TEXT[state]}, y: ${TYPE_TEXT[extra]}) -> ${TYPE_TEXT[state]}`,
    ];
    this.effects = this.rng.int(0, 1) === 0;
    if (this.effects) lines.push('    ! [Console.print]');
    this.statements(lines, this.rng.int(0, 2));
    const step = this.simple(state, 2);
    const nextExtra = this.simple(extra, 1);
    lines.push(
      '    match i >= n',
      '        true -> x',
      `        false -> ${name}(i + 1, n, ${step}, ${nextExtra})`,
    );
    this.functions.push({
      name,
      params: ['Int', 'Int', state, extra],
      ret: state,
      loop: true,
      pure: !this.effects,
    });
    return lines.join('\n') + '\n';
  }

  private main(): string {
    const ret = this.type();
    this.scopes = [[]];
    this.effects = true;
    const lines = [`fn main() -> ${TYPE_TEXT[ret]}`, '    ! [Console.print]'];
    this.statements(lines, this.rng.int(3, 12));
    // Read copies back: every binding or a random subset (the rest may have had their last use in an update).
    const everything = this.rng.int(0, 2) === 0;
    for (const local of this.scopes[0]) {
      if (everything || this.rng.int(0, 2) > 0)
        lines.push(`    Console.print("${local.name} = {${local.name}}")`);
    }
    lines.push(...render('', this.block(ret, 3), 1));
    return lines.join('\n') + '\n';
  }

  /** `count` statements of a body: bindings (most), prints of earlier names, discarded expressions. */
  private statements(lines: string[], count: number): void {
    for (let i = 0; i < count; i++) {
      const kind = this.rng.int(0, 9);
      if (kind === 0 && this.effects && this.visible().length > 0) {
        const local = this.pick(this.visible());
        lines.push(`    Console.print("${local.name}: {${local.name}}")`);
        continue;
      }
      if (kind === 1) {
        lines.push(`    _ = ${this.simple(this.type(), 2)}`);
        continue;
      }
      if (kind <= 4) {
        this.aliasScenario(lines);
        continue;
      }
      const ty = this.type();
      const name = this.fresh('v');
      const annotation = this.rng.int(0, 1) === 0 ? `: ${TYPE_TEXT[ty]}` : '';
      lines.push(...render(`${name}${annotation} = `, this.block(ty, 3), 1));
      this.scopes[0].push({ name, ty });
    }
  }

  /**
   * A Vector or Map value given a second name through one path (a local, a list, a tuple, a record, a variant, an
   * Option, a map, a vector of vectors, a function's parameter and result), then updated through one of the names
   * while the other is read back (or not: then the update may be its last use).
   */
  private aliasScenario(lines: string[]): void {
    const vec = this.rng.int(0, 2) > 0;
    const ty: Ty = vec ? 'Vec' : 'Map';
    const original = this.fresh('a');
    // Mostly a fresh, unshared value: the one an in-place update could wrongly reach through the other name.
    const fresh = vec
      ? [`Vector.new(${this.rng.int(1, 3)}, ${this.rng.int(0, 9)})`, 'fillLoop(Vector.new(3, 0), 0, 2)']
      : ['{"a" => 1, "b" => 2}', 'mapLoop({"a" => 1}, 0, 2)'];
    const source = this.rng.int(0, 2) > 0 ? this.pick(fresh) : (this.variable(ty) ?? this.simple(ty, 1));
    lines.push(`    ${original} = ${source}`);
    // Each name stays visible to later statements (and the final prints) only sometimes: a name read later is
    // shared, and then no update can go wrong through it.
    const observe = (local: Var) => {
      if (this.rng.int(0, 1) === 0) this.scopes[0].push(local);
    };
    observe({ name: original, ty });
    const holder = this.fresh('h');
    const other = vec ? 'Vector.new(1, 0)' : '{"d" => 0}';
    const paths: [string, Ty, string][] = vec
      ? [
          [original, 'Vec', holder],
          [`[${original}]`, 'ListVec', `headOr(${holder}, ${other})`],
          [`List.prepend(${original}, gl)`, 'ListVec', `match_list`],
          [`Option.Some(${original})`, 'OptVec', `match_option`],
          [`Shape.Holder(${original})`, 'Shape', `match_holder`],
          [`{"k" => ${original}}`, 'MapVec', `match_map_get`],
          [`(${original}, gm)`, 'Pair', `match_pair_first`],
          [`Box(v = ${original}, m = gm, n = 1)`, 'Box', `${holder}.v`],
          [`Shape.Holder(${original})`, 'Shape', `holderOr(${holder}, ${other})`],
          [`Option.Some(${original})`, 'OptVec', `Option.withDefault(${holder}, ${other})`],
          [`{"k" => ${original}}`, 'MapVec', `Option.withDefault(Map.get(${holder}, "k"), ${other})`],
          [`Vector.new(2, ${original})`, 'VecVec', `Option.withDefault(Vector.get(${holder}, 1), ${other})`],
          [`idV(${original})`, 'Vec', holder],
          [`keepFirst(${original}, ${original})`, 'Vec', holder],
        ]
      : [
          [original, 'Map', holder],
          [`(gv, ${original})`, 'Pair', `match_pair_second`],
          [`Box(v = gv, m = ${original}, n = 1)`, 'Box', `${holder}.m`],
          [`Shape.Keyed(${original}, 2)`, 'Shape', `match_keyed`],
          [`Option.Some(${original})`, 'OptMap', `Option.withDefault(${holder}, ${other})`],
          [`Option.Some(${original})`, 'OptMap', `match_option`],
          [`idM(${original})`, 'Map', holder],
        ];
    const [wrap, holderTy, extract] = this.pick(paths);
    lines.push(`    ${holder} = ${wrap}`);
    observe({ name: holder, ty: holderTy });
    // Take the alias back out (a match where the path needs one).
    const alias = this.fresh('e');
    if (extract === 'match_pair_first' || extract === 'match_pair_second') {
      const [x, y] = [this.fresh('b'), this.fresh('b')];
      lines.push(
        `    ${alias} = match ${holder}`,
        `        (${x}, ${y}) -> ${extract === 'match_pair_first' ? x : y}`,
      );
    } else if (extract === 'match_list') {
      const [x, y] = [this.fresh('b'), this.fresh('b')];
      lines.push(
        `    ${alias} = match ${holder}`,
        `        [${x}, ..${y}] -> ${x}`,
        `        [] -> ${other}`,
      );
    } else if (extract === 'match_option' || extract === 'match_map_get') {
      const x = this.fresh('b');
      const subject = extract === 'match_option' ? holder : `Map.get(${holder}, "k")`;
      lines.push(
        `    ${alias} = match ${subject}`,
        `        Option.Some(${x}) -> ${x}`,
        `        Option.None -> ${other}`,
      );
    } else if (extract === 'match_holder') {
      const x = this.fresh('b');
      lines.push(
        `    ${alias} = match ${holder}`,
        `        Shape.Holder(${x}) -> ${x}`,
        `        _ -> ${other}`,
      );
    } else if (extract === 'match_keyed') {
      const [x, y] = [this.fresh('b'), this.fresh('b')];
      lines.push(
        `    ${alias} = match ${holder}`,
        `        Shape.Keyed(${x}, ${y}) -> ${x}`,
        `        _ -> ${other}`,
      );
    } else lines.push(`    ${alias} = ${extract}`);
    observe({ name: alias, ty });
    // Update through one of the names.
    const target = this.rng.int(0, 1) === 0 ? original : alias;
    const updated = this.fresh('u');
    lines.push(`    ${updated} = ${this.update(ty, target)}`);
    this.scopes[0].push({ name: updated, ty });
    if (this.effects && this.rng.int(0, 2) > 0) {
      const names = this.shuffle([original, holder, alias, updated]).slice(0, this.rng.int(1, 4));
      lines.push(`    Console.print("${names.map((name) => `${name}={${name}}`).join(' ')}")`);
    }
  }

  /** An update of the Vector or Map in local `name`. */
  private update(ty: Ty, name: string): string {
    const item = this.simple('Int', 1);
    if (ty === 'Vec') {
      const index = this.index();
      return this.pick([
        `Option.withDefault(Vector.set(${name}, ${index}, ${item}), ${name})`,
        `setV(${name}, ${index}, ${item})`,
        `bump0(${name})`,
        `twice(${name}, ${index})`,
        `fillLoop(${name}, 0, ${this.rng.int(1, 4)})`,
        `applyV(bump0, ${name})`,
        `keepFirst(${name}, ${name})`,
      ]);
    }
    const key = this.key(1);
    return this.pick([
      `Map.set(${name}, ${key}, ${item})`,
      `Map.remove(${name}, ${this.pick(['"a"', '"d"', '"g"', key])})`,
      `setM(${name}, ${key}, ${item})`,
      `mapLoop(${name}, 0, ${this.rng.int(1, 4)})`,
      `viaFn(Map.set, ${name}, ${key})`,
    ]);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Blocks (a simple expression or a match)

  /** A simple expression, or (one time in three; one in six for an arm body) a `match`. */
  private block(ty: Ty, depth: number, arm = false): Block {
    if (depth <= 0 || this.rng.int(0, arm ? 5 : 2) !== 0) return this.simple(ty, depth);
    return this.match(ty, depth);
  }

  private match(ty: Ty, depth: number): Block {
    const body = (binders: Var[]): Block => this.withScope(binders, () => this.block(ty, depth - 1, true));
    switch (this.rng.int(0, 9)) {
      case 0: {
        const arms = [
          { pattern: 'true', body: body([]) },
          { pattern: this.rng.int(0, 1) === 0 ? 'false' : '_', body: body([]) },
        ];
        return { subject: this.simple('Bool', 2), arms: this.maybeSwap(arms) };
      }
      case 1: {
        const binder = this.fresh('b');
        return {
          subject: this.simple('Int', 2),
          arms: [
            { pattern: this.pick(['0', '1', '7']), body: body([]) },
            { pattern: this.pick(['2147483648', '9007199254740993', '-1']), body: body([]) },
            this.rng.int(0, 1) === 0
              ? { pattern: binder, body: body([{ name: binder, ty: 'Int' }]) }
              : { pattern: '_', body: body([]) },
          ],
        };
      }
      case 2: {
        const [optionTy, inner] = this.pick<[Ty, Ty]>([
          ['OptVec', 'Vec'],
          ['OptMap', 'Map'],
          ['OptI', 'Int'],
        ]);
        const binder = this.fresh('b');
        const arms = [
          { pattern: `Option.Some(${binder})`, body: body([{ name: binder, ty: inner }]) },
          { pattern: 'Option.None', body: body([]) },
        ];
        // `match Vector.set(v, i, x)` is the form whose payload the compiler moves out unshared.
        const subject =
          optionTy === 'OptVec' && this.rng.int(0, 1) === 0
            ? `Vector.set(${this.simple('Vec', 1)}, ${this.index()}, ${this.simple('Int', 1)})`
            : this.simple(optionTy, 2);
        return { subject, arms: this.maybeSwap(arms) };
      }
      case 3:
      case 4:
        return { subject: this.simple('Shape', 1), arms: this.shapeArms(body) };
      case 5: {
        const [listTy, elem] = this.pick<[Ty, Ty]>([
          ['ListI', 'Int'],
          ['ListS', 'String'],
          ['ListVec', 'Vec'],
        ]);
        const head = this.fresh('b');
        const tail = this.fresh('b');
        const arms = [
          { pattern: '[]', body: body([]) },
          {
            pattern: `[${head}, ..${tail}]`,
            body: body([
              { name: head, ty: elem },
              { name: tail, ty: listTy },
            ]),
          },
        ];
        return { subject: this.simple(listTy, 1), arms: this.maybeSwap(arms) };
      }
      case 6: {
        const first = this.fresh('b');
        const second = this.fresh('b');
        const pattern = this.rng.int(0, 2) === 0 ? `(${first}, _)` : `(${first}, ${second})`;
        const binders: Var[] = [{ name: first, ty: 'Vec' }];
        if (!pattern.includes('_')) binders.push({ name: second, ty: 'Map' });
        return { subject: this.simple('Pair', 1), arms: [{ pattern, body: body(binders) }] };
      }
      case 7: {
        const ok = this.fresh('b');
        const err = this.fresh('b');
        const arms = [
          { pattern: `Result.Ok(${ok})`, body: body([{ name: ok, ty: 'Int' }]) },
          { pattern: `Result.Err(${err})`, body: body([{ name: err, ty: 'String' }]) },
        ];
        return { subject: this.simple('ResI', 2), arms: this.maybeSwap(arms) };
      }
      case 8:
        return {
          subject: this.simple('String', 1),
          arms: [
            { pattern: this.pick(['"a"', '"k1"', '""']), body: body([]) },
            { pattern: '_', body: body([]) },
          ],
        };
      default: {
        // A catch-all binder: the subject (often a Vector or Map local) goes through the match's own slot.
        const subjectTy = this.rng.int(0, 1) === 0 ? this.pick<Ty>(['Vec', 'Map']) : this.type();
        const binder = this.fresh('b');
        return {
          subject: this.simple(subjectTy, 1),
          arms: [{ pattern: binder, body: body([{ name: binder, ty: subjectTy }]) }],
        };
      }
    }
  }

  private shapeArms(body: (binders: Var[]) => Block): Arm[] {
    const all: [string, Ty[]][] = [
      ['Circle', ['Float']],
      ['Rect', ['Int', 'Int']],
      ['Holder', ['Vec']],
      ['Keyed', ['Map', 'Int']],
      ['Empty', []],
    ];
    const arms: Arm[] = [];
    for (const [variant, fields] of all) {
      if (this.rng.int(0, 3) === 0) continue;
      if (fields.length === 0) {
        arms.push({ pattern: `Shape.${variant}`, body: body([]) });
        continue;
      }
      const binders: Var[] = [];
      const names = fields.map((ty) => {
        if (this.rng.int(0, 4) === 0) return '_';
        const name = this.fresh('b');
        binders.push({ name, ty });
        return name;
      });
      arms.push({ pattern: `Shape.${variant}(${names.join(', ')})`, body: body(binders) });
    }
    if (arms.length < all.length) arms.push({ pattern: '_', body: body([]) });
    return arms;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Simple (one-line) expressions by type

  private simple(ty: Ty, depth: number): string {
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
  private leaf(ty: Ty): string {
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
  private fusedSet(depth: number): string | null {
    const local = this.variable('Vec');
    if (local === null) return null;
    return `Option.withDefault(Vector.set(${local}, ${this.index()}, ${this.simple('Int', depth)}), ${local})`;
  }

  private boxLiteral(depth: number): string {
    const fields = this.shuffle(['v', 'm', 'n']);
    return `Box(${fields.map((field) => `${field} = ${this.simple(BOX_FIELDS[field], depth)}`).join(', ')})`;
  }

  private interpolation(depth: number): string {
    const pieces = Array.from({ length: this.rng.int(1, 3) }, () => `{${this.embedded(this.type(), depth)}}`);
    const texts = ['', '-', ' ', 'a=', '|'];
    return `"${pieces.map((piece) => this.pick(texts) + piece).join('')}${this.pick(texts)}"`;
  }

  /**
   * An expression to put inside `{…}` of an interpolation: one without string literals (no nested quotes) that
   * does not start with `{` (`{{` is an escaped brace); a local of the type when no such expression comes out.
   */
  private embedded(ty: Ty, depth: number): string {
    for (let attempt = 0; attempt < 3; attempt++) {
      const made = this.simple(ty, depth);
      if (!made.includes('"') && !made.startsWith('{')) return made;
    }
    return this.variable(ty) ?? this.pick(['0', '7', '9223372036854775807']);
  }

  /** A call of a generated function returning `ty` (a loop gets `0` and a small bound first). */
  private call(ty: Ty, depth: number): string | null {
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
  private vecFunctions(): string[] {
    return this.functions
      .filter(
        (fn) => fn.pure && !fn.loop && fn.ret === 'Vec' && fn.params.length === 1 && fn.params[0] === 'Vec',
      )
      .map((fn) => fn.name);
  }

  /** A vector index: mostly 0–2, sometimes out of range, sometimes computed (possibly reading the vector). */
  private index(): string {
    const choice = this.rng.int(0, 7);
    if (choice === 0) return this.pick(['-1', '4', '9007199254740993']);
    if (choice === 1) return `Int.min(2, ${this.simple('Int', 1)})`;
    return String(this.rng.int(0, 2));
  }

  private key(depth: number): string {
    const choice = this.rng.int(0, 5);
    if (choice === 0) return `"k{${this.embedded('Int', Math.min(depth, 1))}}"`;
    if (choice === 1) return this.variable('String') ?? this.pick(KEY_LITERALS);
    return this.pick(KEY_LITERALS);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Names and choices

  private variable(ty: Ty): string | null {
    const candidates = this.visible().filter((local) => local.ty === ty);
    if (candidates.length === 0) return null;
    // Later names are likelier: they are the ones most recently updated or aliased.
    const index = Math.max(this.rng.int(0, candidates.length - 1), this.rng.int(0, candidates.length - 1));
    return candidates[index].name;
  }

  private visible(): Var[] {
    return this.scopes.flat();
  }

  private withScope<T>(binders: Var[], run: () => T): T {
    this.scopes.push(binders);
    try {
      return run();
    } finally {
      this.scopes.pop();
    }
  }

  private fresh(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  private type(): Ty {
    const total = TYPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.rng.int(0, total - 1);
    for (const [ty, weight] of TYPE_WEIGHTS) {
      if (roll < weight) return ty;
      roll -= weight;
    }
    return 'Int';
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.rng.int(0, items.length - 1)];
  }

  private shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  private maybeSwap(arms: Arm[]): Arm[] {
    return this.rng.int(0, 1) === 0 ? arms : [arms[1], arms[0]];
  }
}

const BOX_FIELDS: Readonly<Record<string, Ty>> = { v: 'Vec', m: 'Map', n: 'Int' };

/** The lines of `prefix + block` at `indent` levels (4 spaces each); arms go one level deeper. */
function render(prefix: string, block: Block, indent: number): string[] {
  const pad = '    '.repeat(indent);
  if (typeof block === 'string') return [`${pad}${prefix}${block}`];
  const lines = [`${pad}${prefix}match ${block.subject}`];
  for (const arm of block.arms) {
    const [first, ...rest] = render(`${arm.pattern} -> `, arm.body, indent + 1);
    lines.push(first, ...rest);
  }
  return lines;
}
