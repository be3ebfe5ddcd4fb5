import { type Arm, type Block, ExpressionGenerator, type Rng, type Var } from './expression-generator.js';
import { PRELUDE, type Ty, TYPE_TEXT } from './generator-prelude.js';

export type { Rng } from './expression-generator.js';

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

/** The source of one generated program. */
export function generateProgram(rng: Rng): string {
  return new ProgramGenerator(rng).program();
}

class ProgramGenerator extends ExpressionGenerator {
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

  protected function(): string {
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
  protected loopFunction(): string {
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

  protected main(): string {
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
  protected statements(lines: string[], count: number): void {
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
  protected aliasScenario(lines: string[]): void {
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
  protected update(ty: Ty, name: string): string {
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
  protected block(ty: Ty, depth: number, arm = false): Block {
    if (depth <= 0 || this.rng.int(0, arm ? 5 : 2) !== 0) return this.simple(ty, depth);
    return this.match(ty, depth);
  }

  protected match(ty: Ty, depth: number): Block {
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

  protected shapeArms(body: (binders: Var[]) => Block): Arm[] {
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
}

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
