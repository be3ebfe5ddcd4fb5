import type { BuiltinSignature } from './builtin-def.js';
import { pure, service, unavailable } from './define.js';

const HEADERS = 'Map<String, List<String>>';
/** `Byte` is in the 0.14.2–0.23 tables, gone from the 0.24 checker. */
const BYTE_ERA = { removedIn: '0.24.0' } as const;

/**
 * The signature half of every built-in function of v0.15–0.24 (language reference: "Built-in namespaces and
 * functions"): name, signature, effects and
 * era, in table order. The checker reads only this module; the implementations live in one module per namespace and
 * are joined to these rows, by name, in index.ts (`BUILTINS`). A row's position is its index everywhere
 * (`BUILTIN_INDEX`, the VM's `CALL_BUILTIN` operand).
 */
export const BUILTIN_SIGNATURES: readonly BuiltinSignature[] = [
  // Int (language reference: "Pure namespaces", Int; runtime "Int")
  pure('Int.fromString', '(String) -> Result<Int, String>'),
  pure('Int.parse', '(String) -> Result<Int, String>', { era: { removedIn: '0.17.0' } }),
  pure('Int.fromFloat', '(Float) -> Int'),
  pure('Int.toString', '(Int) -> String', { era: { removedIn: '0.17.0' } }),
  pure('Int.toFloat', '(Int) -> Float', { era: { removedIn: '0.17.0' } }),
  pure('Int.abs', '(Int) -> Int'),
  pure('Int.min', '(Int, Int) -> Int'),
  pure('Int.max', '(Int, Int) -> Int'),
  pure('Int.mod', '(Int, Int) -> Result<Int, String>'),
  pure('Int.div', '(Int, Int) -> Result<Int, String>', { era: { since: '0.24.0' } }),

  // Float (language reference: "Pure namespaces", Float; runtime "Float")
  pure('Float.fromString', '(String) -> Result<Float, String>'),
  pure('Float.fromInt', '(Int) -> Float'),
  pure('Float.toString', '(Float) -> String', {
    era: { removedIn: '0.17.0' },
  }),
  pure('Float.toInt', '(Float) -> Int', {
    era: { removedIn: '0.17.0' },
  }),
  pure('Float.abs', '(Float) -> Float'),
  pure('Float.floor', '(Float) -> Int'),
  pure('Float.ceil', '(Float) -> Int'),
  pure('Float.round', '(Float) -> Int'),
  pure('Float.min', '(Float, Float) -> Float'),
  pure('Float.max', '(Float, Float) -> Float'),
  pure('Float.sqrt', '(Float) -> Float'),
  pure('Float.sin', '(Float) -> Float'),
  pure('Float.cos', '(Float) -> Float'),
  pure('Float.pow', '(Float, Float) -> Float'),
  pure('Float.atan2', '(Float, Float) -> Float'),
  pure('Float.pi', '() -> Float'),

  // String ("Pure namespaces", String): indices and lengths count code points
  pure('String.len', '(String) -> Int'),
  pure('String.byteLength', '(String) -> Int'),
  pure('String.startsWith', '(String, String) -> Bool'),
  pure('String.endsWith', '(String, String) -> Bool'),
  pure('String.contains', '(String, String) -> Bool'),
  pure('String.slice', '(String, Int, Int) -> String'),
  pure('String.trim', '(String) -> String'),
  pure('String.split', '(String, String) -> List<String>'),
  pure('String.replace', '(String, String, String) -> String'),
  pure('String.join', '(List<String>, String) -> String'),
  pure('String.charAt', '(String, Int) -> Option<String>'),
  pure('String.chars', '(String) -> List<String>'),
  pure('String.fromInt', '(Int) -> String'),
  pure('String.fromFloat', '(Float) -> String'),
  pure('String.fromBool', '(Bool) -> String'),
  pure('String.toLower', '(String) -> String'),
  pure('String.toUpper', '(String) -> String'),
  pure('String.concat', '(String, String) -> String', {
    era: { removedIn: '0.17.0' },
  }),

  // Char ("Pure namespaces", Char): a char is a one-code-point String
  pure('Char.toCode', '(String) -> Int'),
  pure('Char.fromCode', '(Int) -> Option<String>'),

  // Byte ("Pure namespaces", Byte): 0.14.2–0.23
  pure('Byte.toHex', '(Int) -> Result<String, String>', { era: BYTE_ERA }),
  pure('Byte.fromHex', '(String) -> Result<Int, String>', { era: BYTE_ERA }),

  // Bool ("Pure namespaces", Bool), 0.6.0+
  pure('Bool.and', '(Bool, Bool) -> Bool'),
  pure('Bool.or', '(Bool, Bool) -> Bool'),
  pure('Bool.not', '(Bool) -> Bool'),

  // List ("Pure namespaces", List)
  pure('List.len', '(List<T>) -> Int'),
  pure('List.prepend', '(T, List<T>) -> List<T>'),
  pure('List.concat', '(List<T>, List<T>) -> List<T>'),
  pure('List.reverse', '(List<T>) -> List<T>'),
  pure('List.contains', '(List<T>, T) -> Bool'),
  pure('List.zip', '(List<A>, List<B>) -> List<Tuple<A, B>>'),
  pure('List.take', '(List<T>, Int) -> List<T>'),
  pure('List.drop', '(List<T>, Int) -> List<T>'),
  pure('List.fromVector', '(Vector<T>) -> List<T>', { era: { since: '0.17.0' } }),

  // Vector ("Pure namespaces", Vector), 0.7.0+
  pure('Vector.new', '(Int, T) -> Vector<T>'),
  pure('Vector.get', '(Vector<T>, Int) -> Option<T>'),
  pure('Vector.set', '(Vector<T>, Int, T) -> Option<Vector<T>>'),
  pure('Vector.len', '(Vector<T>) -> Int'),
  pure('Vector.fromList', '(List<T>) -> Vector<T>'),
  pure('Vector.toList', '(Vector<T>) -> List<T>', { era: { removedIn: '0.17.0' } }),

  // Map ("Pure namespaces", Map; runtime "Maps")
  pure('Map.empty', '() -> Map<K, V>', { era: { removedIn: '0.17.0' } }),
  pure('Map.set', '(Map<K, V>, K, V) -> Map<K, V>'),
  pure('Map.get', '(Map<K, V>, K) -> Option<V>'),
  pure('Map.remove', '(Map<K, V>, K) -> Map<K, V>'),
  pure('Map.has', '(Map<K, V>, K) -> Bool'),
  pure('Map.keys', '(Map<K, V>) -> List<K>'),
  pure('Map.values', '(Map<K, V>) -> List<V>'),
  pure('Map.entries', '(Map<K, V>) -> List<Tuple<K, V>>'),
  pure('Map.len', '(Map<K, V>) -> Int'),
  pure('Map.fromList', '(List<Tuple<K, V>>) -> Map<K, V>'),

  // Option ("Pure namespaces", Option / Result); `Option.Some` and `Option.None` are constructors, not rows
  pure('Option.withDefault', '(Option<T>, T) -> T'),
  pure('Option.toResult', '(Option<T>, E) -> Result<T, E>'),

  // Result ("Pure namespaces", Option / Result); `Result.Ok` and `Result.Err` are constructors, not rows
  pure('Result.withDefault', '(Result<T, E>, T) -> T'),

  // Console ("Effectful namespaces"): print/error/warn take any value, as in 0.15
  service('Console.print', '(Any) -> Unit'),
  service('Console.error', '(Any) -> Unit'),
  service('Console.warn', '(Any) -> Unit'),
  service('Console.readLine', '() -> Result<String, String>'),

  // Args ("Effectful namespaces")
  service('Args.get', '() -> List<String>'),

  // Time ("Effectful namespaces")
  service('Time.now', '() -> String'),
  service('Time.unixMs', '() -> Int'),
  service('Time.sleep', '(Int) -> Unit'),

  // Random ("Effectful namespaces")
  service('Random.int', '(Int, Int) -> Int'),
  service('Random.float', '() -> Float'),

  // Env ("Effectful namespaces")
  service('Env.get', '(String) -> Option<String>'),
  service('Env.set', '(String, String) -> Unit'),

  // Disk ("Effectful namespaces")
  service('Disk.readText', '(String) -> Result<String, String>'),
  service('Disk.writeText', '(String, String) -> Result<Unit, String>'),
  service('Disk.appendText', '(String, String) -> Result<Unit, String>'),
  service('Disk.exists', '(String) -> Bool'),
  service('Disk.delete', '(String) -> Result<Unit, String>'),
  service('Disk.deleteDir', '(String) -> Result<Unit, String>'),
  service('Disk.makeDir', '(String) -> Result<Unit, String>'),
  service('Disk.listDir', '(String) -> Result<List<String>, String>'),

  // Http client ("Effectful namespaces"): checked, not implemented here; headers became a Map in 0.14
  unavailable('Http.get', '(String) -> Result<HttpResponse, String>'),
  unavailable('Http.head', '(String) -> Result<HttpResponse, String>'),
  unavailable('Http.delete', '(String) -> Result<HttpResponse, String>'),
  unavailable('Http.post', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),
  unavailable('Http.put', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),
  unavailable('Http.patch', `(String, String, String, ${HEADERS}) -> Result<HttpResponse, String>`),

  // HttpServer ("Effectful namespaces"): checked, not implemented here
  unavailable('HttpServer.listen', '(Int, Fn(HttpRequest) -> HttpResponse) -> Unit'),
  unavailable('HttpServer.listenWith', '(Int, T, Fn(T, HttpRequest) -> HttpResponse) -> Unit'),

  // Tcp ("Effectful namespaces"): checked, not implemented here
  unavailable('Tcp.connect', '(String, Int) -> Result<Tcp.Connection, String>'),
  unavailable('Tcp.send', '(String, Int, String) -> Result<String, String>'),
  unavailable('Tcp.ping', '(String, Int) -> Result<Unit, String>'),
  unavailable('Tcp.writeLine', '(Tcp.Connection, String) -> Result<Unit, String>'),
  unavailable('Tcp.readLine', '(Tcp.Connection) -> Result<String, String>'),
  unavailable('Tcp.close', '(Tcp.Connection) -> Result<Unit, String>'),

  // Terminal ("Effectful namespaces"), 0.6.0+: checked, not implemented here
  unavailable('Terminal.enableRawMode', '() -> Unit'),
  unavailable('Terminal.disableRawMode', '() -> Unit'),
  unavailable('Terminal.clear', '() -> Unit'),
  unavailable('Terminal.moveTo', '(Int, Int) -> Unit'),
  unavailable('Terminal.print', '(String) -> Unit'),
  unavailable('Terminal.setColor', '(String) -> Unit'),
  unavailable('Terminal.resetColor', '() -> Unit'),
  unavailable('Terminal.readKey', '() -> Option<String>'),
  unavailable('Terminal.size', '() -> Terminal.Size'),
  unavailable('Terminal.hideCursor', '() -> Unit'),
  unavailable('Terminal.showCursor', '() -> Unit'),
  unavailable('Terminal.flush', '() -> Unit'),

  // BranchPath (Oracle verification, Oracle addendum: "`BranchPath`, `Trace`, `EffectEvent`"; the 0.13–0.25 surface:
  // plain results, not `Result`)
  pure('BranchPath.child', '(BranchPath, Int) -> BranchPath'),
  pure('BranchPath.parse', '(String) -> BranchPath'),
];

/**
 * Built-in values that are not functions, with their types in Aver syntax (`BranchPath.Root`, Oracle addendum:
 * "`BranchPath`, `Trace`, `EffectEvent`").
 */
export const BUILTIN_CONSTANT_TYPES: ReadonlyMap<string, { readonly type: string }> = new Map([
  ['BranchPath.Root', { type: 'BranchPath' }],
]);

/** Qualified name (`List.len`) → index into `BUILTIN_SIGNATURES` (and `BUILTINS`). */
export const BUILTIN_INDEX: ReadonlyMap<string, number> = new Map(
  BUILTIN_SIGNATURES.map((row, index) => [row.name, index]),
);
