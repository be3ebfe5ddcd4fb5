import type { Sandbox } from '../sandbox.js';
import type { Value } from '../values.js';

/**
 * What a built-in may touch outside the VM: console, CLI args, environment, clock, randomness, files.
 * The VM gets one per run; the bench runner passes a silenced console.
 */
export interface HostContext {
  /** Writes one line to stdout (the built-in adds no newline handling of its own beyond this call). */
  writeOut(text: string): void;
  /** Writes one line to stderr. */
  writeErr(text: string): void;
  /**
   * Reads one line from stdin without its newline, or `null` at end of input; throws `ReadLineError` (read-line-error.ts)
   * when stdin cannot be read.
   */
  readLine(): string | null;
  /** `Args.get()`. */
  readonly args: readonly string[];
  /** `Env.get` / `Env.set` read and write this record; default `process.env`. */
  readonly env?: Record<string, string | undefined>;
  /** Clock for `Time.now` / `Time.unixMs`, in Unix milliseconds; default `Date.now`. */
  readonly now?: () => number;
  /** Uniform numbers in `[0, 1)` for `Random.*` (a seeded source makes runs reproducible); default `Math.random`. */
  readonly random?: () => number;
  /** Blocks for `ms` milliseconds for `Time.sleep`; default a synchronous `Atomics.wait`. */
  readonly sleep?: (ms: number) => void;
  /**
   * Charges long built-in work (building, copying, scanning, joining: one unit per element or character, see
   * work-cost.ts) to the run's limits before it is done; throws the run's `limit` error once the deadline has
   * passed or the step budget is spent. Absent when the run has no limits.
   */
  readonly charge?: (units: number) => void;
  /**
   * The effect policy of a sandboxed run (bench mode): service built-ins outside `Console`, `Time`, `Random` and
   * `Args` ask it first, and `Disk.*` paths go through it (effect-guard.ts). Absent: everything is allowed.
   */
  readonly sandbox?: Sandbox;
}

/** Versions where a built-in name exists (`since` inclusive, `removedIn` exclusive), e.g. `{ removedIn: '0.17.0' }`. */
export interface BuiltinEra {
  readonly since?: string;
  readonly removedIn?: string;
}

/**
 * A built-in implementation. Arguments arrive positionally (unused ones are `undefined`), so a call allocates no
 * argument array. Runtime failures throw `AverRuntimeError` (see errors.ts).
 */
export type BuiltinImpl = (host: HostContext, a: Value, b: Value, c: Value, d: Value) => Value;

/**
 * The checker's half of a row of the built-in table (language reference: "Built-in namespaces and functions"): everything but the implementation.
 * `signatures.ts` holds these rows and imports no implementation, so type checking never loads the runtime.
 */
export interface BuiltinSignature {
  /** Qualified name, e.g. `List.len`, `Console.print`. */
  readonly name: string;
  /**
   * The signature in Aver type syntax with type variables `T K V A B E`, e.g. `(Map<K, V>, K) -> Option<V>`.
   * `Any` is the 0.15 "any value" parameter of `Console.print`. Checked loosely for type variables
   * (language reference: "Type system: types").
   */
  readonly signature: string;
  /** Number of parameters, read off `signature` (what `CALL_VALUE` on a built-in function value checks). */
  readonly arity: number;
  /**
   * The effects the call needs: `[]` for pure namespaces, `[name]` for service functions (language reference:
   * "Type system: effects").
   */
  readonly effects: readonly string[];
  /** Versions where the name exists, when it is not every 0.15–0.24 version (for a future strict mode). */
  readonly era?: BuiltinEra;
  /** Service functions that are checked but not implemented here (Http, HttpServer, Tcp, Terminal). */
  readonly unavailable?: boolean;
}

/** A whole row of the built-in table: the signature and the implementation the VM (or another backend) calls. */
export interface BuiltinDef extends BuiltinSignature {
  readonly impl: BuiltinImpl;
}

/** The implementations of one namespace, by qualified name (joined with their signatures in index.ts). */
export type BuiltinImpls = Readonly<Record<string, BuiltinImpl>>;
