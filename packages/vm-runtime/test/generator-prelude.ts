/** Types, the prelude and literal tables of the program generator (program-generator.ts). */

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

export const TYPE_TEXT: Readonly<Record<Ty, string>> = {
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
export const TYPE_WEIGHTS: readonly [Ty, number][] = [
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
export const INT_LITERALS = [
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
export const FLOAT_LITERALS = ['0.0', '1.5', '0.1', '2.5', '-2.5', '3.0', '-0.0', '100000000000000000000.0'];
export const STRING_LITERALS = ['""', '"a"', '"b"', '"k1"', '"ß"', '"😀x"', '"a b"', '"g"'];
export const KEY_LITERALS = ['"a"', '"b"', '"c"', '"k1"', '"g"', '"a b"'];

export const BOX_FIELDS: Readonly<Record<string, Ty>> = { v: 'Vec', m: 'Map', n: 'Int' };
