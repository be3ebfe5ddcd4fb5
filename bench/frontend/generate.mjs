// Generates a large, realistic, well-typed Aver program for front-end benchmarks (lex, parse, check).
// Usage: node bench/frontend/generate.mjs [--lines 50000] [--seed 1] [--out file.av]   (stdout without --out)

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A small deterministic PRNG (mulberry32), so every run generates the same program for a seed. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const header = `module Generated
    intent =
        "Generated program for front-end benchmarks: records, sum types, matches,"
        "interpolation, lists, maps, results and verify blocks."
    exposes [main]
    effects [Console.print]

decision GeneratedShape
    date = "2026-01-01"
    reason =
        "Each unit exercises every syntactic form the front end handles."
        "Units are independent, so the program scales linearly."
    chosen = "IndependentUnits"
    rejected = ["OneHugeFunction"]
    impacts = [main]
`;

/** One self-contained unit (about 90 lines) whose names carry the suffix `n`. */
function unit(n, random) {
  const int = (limit) => Math.floor(random() * limit);
  const price = `${int(90) + 10}.${int(9) + 1}`;
  const bulk = int(20) + 2;
  const words = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
  const word = words[int(words.length)];
  return `
record Item${n}
    name: String
    price: Float
    qty: Int
    tags: List<String>

type Shape${n}
    Circle${n}(Float)
    Rect${n}(Float, Float)
    Empty${n}

// Area of one shape; the match covers every variant.
fn area${n}(s: Shape${n}) -> Float
    ? "Area of a shape of unit ${n}."
    match s
        Shape${n}.Circle${n}(r) -> r * r * 3.14159
        Shape${n}.Rect${n}(w, h) -> w * h
        Shape${n}.Empty${n} -> 0.0

verify area${n}
    area${n}(Shape${n}.Circle${n}(1.0)) => 3.14159
    area${n}(Shape${n}.Rect${n}(2.0, 3.0)) => 6.0
    area${n}(Shape${n}.Empty${n}) => 0.0

fn total${n}(items: List<Item${n}>, acc: Float) -> Float
    ? "Sums price times quantity over the items,"
      "tail-recursively."
    match items
        [] -> acc
        [head, ..tail] -> total${n}(tail, acc + head.price * Float.fromInt(head.qty))

fn describe${n}(item: Item${n}) -> String
    label = "Item {item.name} costs {item.price} x {item.qty} ({List.len(item.tags)} tags)"
    match item.qty > ${bulk}
        true -> "{label} (bulk)"
        false -> label

fn restock${n}(item: Item${n}, extra: Int) -> Item${n}
    Item${n}.update(item, qty = item.qty + extra, tags = List.prepend("${word}", item.tags))

fn lookup${n}(key: String) -> Int
    table = {"a" => 1, "b" => 2, "c" => ${n}}
    match Map.get(table, key)
        Option.Some(v) -> v
        Option.None -> -1

fn classify${n}(n: Int) -> Result<String, String>
    ? "Names small numbers; negative input is an error."
    match n < 0
        true -> Result.Err("negative: {n}")
        false -> match n
            0 -> Result.Ok("zero")
            1 -> Result.Ok("one")
            _ -> Result.Ok("many")

fn pipeline${n}(a: Int, b: Int) -> Result<Int, String>
    x = classify${n}(a)?
    y = classify${n}(b)?
    Result.Ok(String.len(x) + String.len(y) * ${int(7) + 1} - ${int(5)})

fn pair${n}(a: Int) -> Tuple<Int, String>
    (a * 2, "v{a}")

verify classify${n}
    classify${n}(-1) => Result.Err("negative: -1")
    classify${n}(0) => Result.Ok("zero")
    classify${n}(7) => Result.Ok("many")

verify classify${n} law deterministic
    given n: Int = 0..5
    classify${n}(n) => classify${n}(n)

verify lookup${n}
    lookup${n}("c") => ${n}
    lookup${n}("z") => -1

fn demo${n}() -> String
    item = Item${n}(name = "${word}${n}", price = ${price}, qty = ${bulk + 1}, tags = ["new", "${word}"])
    more = restock${n}(item, ${int(9) + 1})
    shapes = [Shape${n}.Circle${n}(1.5), Shape${n}.Rect${n}(2.0, ${price}), Shape${n}.Empty${n}]
    sum = total${n}([item, more], 0.0)
    "{describe${n}(more)}; total {sum}; shapes {List.len(shapes)}; lookup {lookup${n}("a")}"
`;
}

/**
 * Generates an Aver program of about `lines` lines.
 * @param {{ lines?: number, seed?: number }} [options]
 * @returns {string}
 */
export function generateProgram({ lines = 50_000, seed = 1 } = {}) {
  const random = createRandom(seed);
  const units = [];
  let count = header.split('\n').length + 6;
  for (let n = 0; count < lines; n++) {
    const text = unit(n, random);
    units.push(text);
    count += text.split('\n').length - 1;
  }
  const calls =
    units.length === 0 ? '' : `    Console.print(demo0())\n    Console.print(demo${units.length - 1}())\n`;
  return `${header}${units.join('')}\nfn main() -> Unit\n    ! [Console.print]\n${calls}    Console.print("done")\n`;
}

function parseArgs(argv) {
  const options = { lines: 50_000, seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--lines') options.lines = Number(value);
    else if (argv[i] === '--seed') options.seed = Number(value);
    else if (argv[i] === '--out') options.out = value;
    else continue;
    i++;
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArgs(process.argv.slice(2));
  const program = generateProgram(options);
  if (options.out === null) process.stdout.write(program);
  else writeFileSync(options.out, program);
}
