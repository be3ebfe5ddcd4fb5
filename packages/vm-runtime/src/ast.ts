/**
 * The Aver syntax tree (language reference: "Lexical structure and grammar"). Every node is a readonly-ish interface
 * with a string `kind` and a `span`. A few fields are *annotation slots*: the parser leaves them undefined and a
 * later pipeline stage fills them in place (each slot names the stage that owns it). Everything downstream of the
 * parser switches on `kind`.
 */

/** A source position: 1-based line and column (columns count code points), plus UTF-16 offsets into the file. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset one past the last character. */
  readonly end: number;
}

/**
 * Which language version introduced (or last allowed) a surface form, so a strict mode can reject forms of other
 * eras later (language reference: "What changed between 0.1.0 and the newest versions",
 * "Recommendations for the TypeScript implementation", item 1). Only forms that differ between versions are tagged.
 */
export type SyntaxEra =
  | 'tuple-type-paren' // `(A, B)` tuple type, until 0.17.0
  | 'tuple-type-angle' // `Tuple<A, B>`, 0.17.1+
  | 'int-slash' // Int `/`, until 0.23
  | 'int-div-call' // `Int.div`, 0.24+
  | 'map-empty-call' // `Map.empty()`, until 0.16
  | 'conversion-0.16' // Int.toString, Float.toString, Int.toFloat, Float.toInt (until 0.16)
  | 'builtin-until-0.16' // another built-in removed in 0.17.0: String.concat, Int.parse, Vector.toList
  | 'console-any'; // Console.print of a non-String value (0.15)

// ---------------------------------------------------------------------------------------------------------------
// Types as written in source

/** `Int`, `List<Int>`, `Map<String, Int>`, `Result<A, E>`, `Shape`, `Data.Shapes.Shape` … */
export interface NamedTypeExpr {
  readonly kind: 'NamedType';
  /** Dotted name as written, e.g. `List`, `Shape`, `Data.Shapes.Shape`, `Tcp.Connection`. */
  readonly name: string;
  readonly args: readonly TypeExpr[];
  readonly span: Span;
}

/** `(A, B)` (paren form, ≤0.17.0) or `Tuple<A, B>` (angle form, 0.17.1+). */
export interface TupleTypeExpr {
  readonly kind: 'TupleType';
  readonly items: readonly TypeExpr[];
  readonly form: 'paren' | 'angle';
  readonly span: Span;
}

/** `Fn(A, B) -> R ! [Console.print]` */
export interface FnTypeExpr {
  readonly kind: 'FnType';
  readonly params: readonly TypeExpr[];
  readonly ret: TypeExpr;
  readonly effects: readonly EffectRef[];
  readonly span: Span;
}

export type TypeExpr = NamedTypeExpr | TupleTypeExpr | FnTypeExpr;

/** An entry of `! [..]` or a module `effects [..]`: `Console.print` (exact method) or `Console` (namespace). */
export interface EffectRef {
  /** `Console.print` or `Console`. */
  readonly name: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

export interface IntLit {
  readonly kind: 'IntLit';
  /** Exact value; the lexer rejects literals outside the i64 range. */
  readonly value: bigint;
  readonly span: Span;
}

export interface FloatLit {
  readonly kind: 'FloatLit';
  readonly value: number;
  readonly span: Span;
}

export interface StringLit {
  readonly kind: 'StringLit';
  /** Escapes already processed, `{{`/`}}` already collapsed. */
  readonly value: string;
  readonly span: Span;
}

export interface BoolLit {
  readonly kind: 'BoolLit';
  readonly value: boolean;
  readonly span: Span;
}

/** The literal `Unit`. */
export interface UnitLit {
  readonly kind: 'UnitLit';
  readonly span: Span;
}

export type InterpPart =
  | { readonly kind: 'Text'; readonly value: string }
  | { readonly kind: 'Expr'; readonly expr: Expr };

/** `"a {x} b"`: literal parts and embedded expressions (spans point into the original file). */
export interface InterpString {
  readonly kind: 'Interp';
  readonly parts: readonly InterpPart[];
  readonly span: Span;
  /** Filled by `interp_lower`: the buffer-building plan the compiler emits instead of `parts`. */
  lowered?: InterpLowering;
}

/**
 * How one piece of a lowered interpolation becomes text (language reference: "Value display"): `raw` for a
 * String, `int`/`float` for the number displays, `value` for everything else (through `displayValue`).
 */
export type DisplayKind = 'raw' | 'int' | 'float' | 'value';

/** A piece of a lowered interpolation: literal text (adjacent texts merged, empty ones dropped) or a value. */
export type InterpSegment =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'value'; readonly expr: Expr; readonly display: DisplayKind };

/** Filled by `interp_lower`: the segments of the string buffer and a capacity hint (the literal text length). */
export interface InterpLowering {
  readonly segments: readonly InterpSegment[];
  readonly capacityHint: number;
}

/** A bare name: `x`, `fib`, `List`, `Shape`, `Data` (the first segment of a qualified chain). */
export interface Ident {
  readonly kind: 'Ident';
  readonly name: string;
  readonly span: Span;
  /** Filled by `typecheck`. */
  resolution?: NameResolution;
  /** Filled by `resolve` for a local: its frame slot. */
  slot?: number;
  /** Filled by `last_use` for a local: no path from this read reads the local again. */
  lastUse?: boolean;
}

/**
 * `object.name`. Qualified names are parsed as member chains (`Data.Fibonacci.fib`, `Shape.Circle`, `u.name`);
 * the checker decides what each chain means and records it in `resolution`.
 */
export interface Member {
  readonly kind: 'Member';
  readonly object: Expr;
  readonly name: string;
  readonly span: Span;
  /** Filled by `typecheck`. */
  resolution?: NameResolution;
  /** Filled by `typecheck` when this is (the end of) a trace projection: `f(a).result`, `f(a).trace`. */
  projection?: TraceProjection;
}

/** `name = value` inside a call: record construction and `T.update` fields. */
export interface NamedArg {
  readonly name: string;
  readonly value: Expr;
  readonly span: Span;
}

/**
 * `callee(args)`. Positional args come first in `args`; `named` holds `field = value` args (record constructor,
 * or `T.update(base, field = value)`, where the base is `args[0]`).
 */
export interface Call {
  readonly kind: 'Call';
  readonly callee: Expr;
  readonly args: readonly Expr[];
  readonly named: readonly NamedArg[];
  readonly span: Span;
  /** Filled by `typecheck`: what is being called. */
  target?: CallTarget;
  /** Filled by `tco`: the call is in tail position and targets a function of the caller's own SCC. */
  tail?: boolean;
  /**
   * Filled by `buffer_build` on a `String.join(f(…), sep)` sink: the expression the compiler emits instead (a call
   * of the `f__buffered` variant that appends into a string buffer).
   */
  lowered?: Expr;
  /** Filled by `typecheck` when this is (the end of) a trace projection: `f(a).trace.count(Random.int)`. */
  projection?: TraceProjection;
}

/** One step of a trace projection after its source call (Oracle addendum: "Grammar"). */
export type TraceStep =
  | { readonly kind: 'result' }
  | { readonly kind: 'trace' }
  | { readonly kind: 'group'; readonly index: number }
  | { readonly kind: 'branch'; readonly index: number }
  | { readonly kind: 'length' }
  | { readonly kind: 'event'; readonly index: number }
  /** `.contains(x)` / `.count(x)`: `x` is an effect method (`Random.int`) or a call of one with literal arguments. */
  | {
      readonly kind: 'contains' | 'count';
      readonly method: string;
      /** The literal arguments, or `null` for a bare method reference (matches any arguments). */
      readonly args: readonly Expr[] | null;
    };

/**
 * A trace projection (Oracle addendum: "Grammar"): a direct call of a function, then `.result`, or `.trace` and its
 * queries. The verify runner evaluates it when it is the whole left side of a `verify f trace` case; anywhere else it
 * fails at run time.
 */
export interface TraceProjection {
  readonly source: Call;
  readonly steps: readonly TraceStep[];
}

export type BinaryOp = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '>' | '<=' | '>=';

export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
  /** Filled by `typecheck`: the operand type, so the compiler can pick a typed opcode. */
  operandKind?: OperandKind;
}

/** The static type class of an operator's operands. `other` covers equality on composite values. */
export type OperandKind = 'Int' | 'Float' | 'String' | 'Bool' | 'Unit' | 'other';

/**
 * Unary minus. In 0.15–0.20 this means `0 - x` (so `-(0.0)` is `0.0`, and Int minus wraps); the node is kept
 * distinct so diagnostics can point at it, and typing follows the `0 - x` rules (language reference:
 * "Expressions, precedence and associativity", "Runtime semantics: Float").
 */
export interface Negate {
  readonly kind: 'Negate';
  readonly operand: Expr;
  readonly span: Span;
  /** Filled by `typecheck`: `Int` or `Float`. */
  operandKind?: OperandKind;
}

/** `(a, b, …)` with at least two items. */
export interface TupleExpr {
  readonly kind: 'Tuple';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export interface ListExpr {
  readonly kind: 'List';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export interface MapEntry {
  readonly key: Expr;
  readonly value: Expr;
  readonly span: Span;
}

/** `{k => v, …}`; `{}` is the empty map. */
export interface MapExpr {
  readonly kind: 'Map';
  readonly entries: readonly MapEntry[];
  readonly span: Span;
}

export interface MatchArm {
  readonly pattern: Pattern;
  readonly body: Expr;
  readonly span: Span;
}

export interface MatchExpr {
  readonly kind: 'Match';
  readonly subject: Expr;
  readonly arms: readonly MatchArm[];
  readonly span: Span;
  /** Filled by `resolve`: the frame slot the arms test (the subject's own slot when it is a local). */
  subjectSlot?: number;
}

/**
 * `e?`: unwrap `Result.Ok` or return the `Result.Err` from the enclosing function (language reference:
 * "Error propagation and independent products").
 */
export interface TryExpr {
  readonly kind: 'Try';
  readonly expr: Expr;
  readonly span: Span;
}

/** `(a, b)!` (raw tuple of results) or `(a, b)?!` (`unwrap`: tuple of Ok values, first Err propagates). */
export interface ProductExpr {
  readonly kind: 'Product';
  readonly items: readonly Expr[];
  readonly unwrap: boolean;
  readonly span: Span;
}

export type Expr =
  | IntLit
  | FloatLit
  | StringLit
  | BoolLit
  | UnitLit
  | InterpString
  | Ident
  | Member
  | Call
  | Binary
  | Negate
  | TupleExpr
  | ListExpr
  | MapExpr
  | MatchExpr
  | TryExpr
  | ProductExpr;

// ---------------------------------------------------------------------------------------------------------------
// What a name or call means (filled in by the checker, read by the passes and the compiler)

/** What a `Member` or `Ident` in value position denotes. */
export type NameResolution =
  | { readonly kind: 'local'; readonly name: string }
  /** A top-level function, by its fully qualified name (`fib`, `Data.Fibonacci.fib`). */
  | { readonly kind: 'function'; readonly qualifiedName: string }
  /** A built-in function used as a value, e.g. `String.len` passed as `Fn(String) -> Int`. */
  | { readonly kind: 'builtin'; readonly name: string }
  /** A nullary variant (`Shape.Point`, `Option.None`) or a variant constructor used as a function value. */
  | { readonly kind: 'variant'; readonly typeName: string; readonly variant: string }
  | { readonly kind: 'field'; readonly recordType: string; readonly field: string; readonly index: number }
  /** A top-level binding (a global), by qualified name. */
  | { readonly kind: 'global'; readonly qualifiedName: string }
  /**
   * A built-in value that is not a function: `BranchPath.Root` (Oracle addendum:
   * "`BranchPath`, `Trace`, `EffectEvent`").
   */
  | { readonly kind: 'constant'; readonly name: string };

/** What a `Call` invokes. */
export type CallTarget =
  | { readonly kind: 'function'; readonly qualifiedName: string }
  | { readonly kind: 'builtin'; readonly name: string }
  /** `Shape.Rect(1.0, 2.0)`, `Result.Ok(x)`, `Option.Some(x)`. */
  | { readonly kind: 'variant'; readonly typeName: string; readonly variant: string }
  /** `User(name = …, age = …)`; `fieldOrder[i]` is the index into `named` of declaration field i. */
  | { readonly kind: 'record'; readonly typeName: string; readonly fieldOrder: readonly number[] }
  /** `User.update(u, age = 31)`; `fieldIndexes[i]` is the declaration index of `named[i]`. */
  | { readonly kind: 'recordUpdate'; readonly typeName: string; readonly fieldIndexes: readonly number[] }
  /** Calling a function value held in a local, parameter or field (`CALL_VALUE`). */
  | { readonly kind: 'value' };

// ---------------------------------------------------------------------------------------------------------------
// Patterns (language reference: "`match` and patterns")

export interface WildcardPattern {
  readonly kind: 'WildcardPattern';
  readonly span: Span;
}

export interface BindPattern {
  readonly kind: 'BindPattern';
  readonly name: string;
  readonly span: Span;
  /** Filled by `resolve`: the binder's frame slot. */
  slot?: number;
}

export interface LiteralPattern {
  readonly kind: 'LiteralPattern';
  readonly literal: IntLit | FloatLit | StringLit | BoolLit;
  readonly span: Span;
}

/** `[]` */
export interface NilPattern {
  readonly kind: 'NilPattern';
  readonly span: Span;
}

/** `[h, ..t]`; each name is an identifier or `_`. */
export interface ConsPattern {
  readonly kind: 'ConsPattern';
  readonly head: string;
  readonly tail: string;
  readonly span: Span;
  /** Filled by `resolve`: frame slots of the head and tail binders (-1 for `_`). */
  headSlot?: number;
  tailSlot?: number;
}

export interface TuplePattern {
  readonly kind: 'TuplePattern';
  readonly items: readonly Pattern[];
  readonly span: Span;
  /** Filled by `resolve`: the slot each item is extracted into (-1 when the item pattern needs no value). */
  itemSlots?: readonly number[];
}

/**
 * `Shape.Circle(r)`, `Shape.Point`, `Result.Ok(v)`, `Option.None`, `Data.Shapes.Shape.Circle(r)`.
 * `binders` are identifiers or `_` (no nesting in 0.15–0.20); `null` when written without parentheses.
 */
export interface ConstructorPattern {
  readonly kind: 'ConstructorPattern';
  /** The qualified name split on dots: `['Shape', 'Circle']`. */
  readonly path: readonly string[];
  readonly binders: readonly string[] | null;
  readonly span: Span;
  /** Filled by `typecheck`. */
  resolution?: { readonly typeName: string; readonly variant: string };
  /** Filled by `resolve`: the frame slot of each binder (-1 for `_`). */
  binderSlots?: readonly number[];
}

export type Pattern =
  | WildcardPattern
  | BindPattern
  | LiteralPattern
  | NilPattern
  | ConsPattern
  | TuplePattern
  | ConstructorPattern;

// ---------------------------------------------------------------------------------------------------------------
// Statements

/** `name = value`, `name: Type = value`, `_ = value`. */
export interface BindingStmt {
  readonly kind: 'Binding';
  /** The bound name, or `_` for a discard. */
  readonly name: string;
  readonly annotation: TypeExpr | null;
  readonly value: Expr;
  readonly span: Span;
  /** Filled by `resolve` for a local binding: its frame slot (unset for `_` and for top-level globals). */
  slot?: number;
}

/** A bare expression; its value is discarded unless it is the last statement of a body. */
export interface ExprStmt {
  readonly kind: 'ExprStmt';
  readonly expr: Expr;
  readonly span: Span;
}

export type Stmt = BindingStmt | ExprStmt;

// ---------------------------------------------------------------------------------------------------------------
// Top-level items (language reference: "Top-level items")

export interface ModuleDecl {
  readonly kind: 'Module';
  readonly name: string;
  readonly intent: string | null;
  /** Each dependency as its dotted segments: `Data.Fibonacci` → `['Data', 'Fibonacci']`. */
  readonly depends: readonly { readonly path: readonly string[]; readonly span: Span }[];
  /** `null` when there is no `exposes` line (then everything is exposed). */
  readonly exposes: readonly { readonly name: string; readonly span: Span }[] | null;
  readonly exposesOpaque: readonly { readonly name: string; readonly span: Span }[];
  /** The module effect boundary (0.13+); `null` when absent. */
  readonly effects: readonly EffectRef[] | null;
  readonly span: Span;
}

export interface VariantDecl {
  readonly name: string;
  readonly fields: readonly TypeExpr[];
  readonly span: Span;
}

export interface TypeDecl {
  readonly kind: 'TypeDecl';
  readonly name: string;
  readonly variants: readonly VariantDecl[];
  readonly span: Span;
}

export interface FieldDecl {
  readonly name: string;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface RecordDecl {
  readonly kind: 'RecordDecl';
  readonly name: string;
  readonly fields: readonly FieldDecl[];
  readonly span: Span;
}

export interface Param {
  readonly name: string;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface FnDecl {
  readonly kind: 'FnDecl';
  readonly name: string;
  readonly params: readonly Param[];
  /** `null` when `-> T` is omitted (the return type is then Unit). */
  readonly returnType: TypeExpr | null;
  readonly description: string | null;
  readonly effects: readonly EffectRef[];
  readonly body: readonly Stmt[];
  readonly span: Span;
  /** Span of the function name, for diagnostics. */
  readonly nameSpan: Span;
}

export type GivenDomain =
  | { readonly kind: 'range'; readonly from: Expr; readonly to: Expr }
  | { readonly kind: 'list'; readonly items: readonly Expr[] };

/**
 * `given name: T = domain`. The annotation is a type, or an effect reference shaped `UName.lname`
 * (`Random.int`, `Time.unixMs`): then the domain lists stub functions for that effect (Oracle addendum:
 * "Grammar").
 */
export interface GivenClause {
  readonly name: string;
  /** The annotation when it is a type; `null` for an effect reference. */
  readonly type: TypeExpr | null;
  /** The annotation when it is an effect reference; `null` for a type. */
  readonly effect: EffectRef | null;
  readonly domain: GivenDomain;
  readonly span: Span;
}

export interface VerifyCase {
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** The case as written, `lhs => rhs`, before the block's bindings were substituted into it. */
  readonly span: Span;
}

/**
 * `verify f` (cases), `verify f trace` (cases over effect stubs, with trace projections), `verify f law name` and
 * `verify f trace law name` (one assertion over the product of the `given` domains, optional `when` premises).
 * The parser has already substituted the block's bindings (`name = expr`) into the premises and cases after them,
 * textually (Oracle addendum: "Expansion"): each use calls again what the binding names.
 */
export interface VerifyBlock {
  readonly kind: 'Verify';
  readonly fnName: string;
  readonly trace: boolean;
  readonly law: string | null;
  readonly givens: readonly GivenClause[];
  readonly whens: readonly Expr[];
  readonly cases: readonly VerifyCase[];
  readonly span: Span;
}

export type DecisionValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'name'; readonly value: string };

/** Metadata only; no runtime effect. */
export interface DecisionBlock {
  readonly kind: 'Decision';
  readonly name: string;
  readonly fields: readonly { readonly key: string; readonly value: DecisionValue; readonly span: Span }[];
  readonly span: Span;
}

/** A binding or expression at top level; runs in `__top_level__` before `main`. */
export interface TopLevelStmt {
  readonly kind: 'TopLevelStmt';
  readonly stmt: Stmt;
  readonly span: Span;
}

export type Item = ModuleDecl | TypeDecl | RecordDecl | FnDecl | VerifyBlock | DecisionBlock | TopLevelStmt;

/** One parsed source file. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly module: ModuleDecl | null;
  readonly items: readonly Item[];
  /** Era-specific forms seen so far (parser and checker add to it), for a future strict mode. */
  readonly eras: Set<SyntaxEra>;
}
