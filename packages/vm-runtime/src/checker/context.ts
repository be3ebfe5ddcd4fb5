import type { BindingStmt, Expr, Span, SyntaxEra } from '../ast.js';
import { type Diagnostic, errorAt, warningAt } from '../diagnostics.js';
import type { ModuleInfo, ProgramEnv } from './environment.js';
import { checkerMessages as msg } from './messages.js';
import { LocalScope } from './scope.js';
import { effectCovered, type TupleStyle, type Type, typeToString } from './types.js';

/** What the code being checked sits in: a function body, a verify block or the top-level statements. */
export interface BodyContext {
  /** Name used in effect messages: the function name, `<verify:f>`, or `__top_level__`. */
  readonly name: string;
  /** Declared effects; `null` means effects are not checked here (top-level statements). */
  readonly effects: readonly string[] | null;
  /** Declared return type for the `?` rules; `null` inside verify blocks, where `?` needs no Result function. */
  readonly ret: Type | null;
  /**
   * Inside a verify block: what kind it is (trace projections are legal in `trace` and `law` blocks, Oracle addendum:
   * "Grammar").
   */
  readonly verify?: { readonly trace: boolean; readonly law: boolean };
}

/** Mutable state of one `checkProgram` run, passed to every checking function. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly exprTypes = new Map<Expr, Type>();
  readonly bindingTypes = new Map<BindingStmt, Type>();
  readonly scope = new LocalScope();
  /** The module whose code is being checked. */
  module!: ModuleInfo;
  body!: BodyContext;

  constructor(
    readonly env: ProgramEnv,
    readonly tupleStyle: TupleStyle,
  ) {}

  /** Records an error diagnostic (an arrow, so it can be passed on as a reporter). */
  readonly error = (span: Span, message: string): void => {
    this.diagnostics.push(errorAt(span, message));
  };

  /**
   * Runs one unit of checking (a function body, a top-level statement, a verify block). A JS stack overflow on a
   * pathologically deep expression (the parser bounds nesting and chain length separately, not their product)
   * becomes one diagnostic at `span` instead of an exception, and checking goes on with the next unit.
   */
  guardDepth(span: Span, check: () => void): void {
    try {
      check();
    } catch (error) {
      // V8's stack overflow is a plain RangeError; only its message tells it from other range errors.
      if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
      this.scope.clear();
      this.error(span, msg.nestedTooDeeply());
    }
  }

  /** Records a warning diagnostic. */
  warn(span: Span, message: string): void {
    this.diagnostics.push(warningAt(span, message));
  }

  /** Renders a type for a message. */
  show(type: Type): string {
    return typeToString(type, this.tupleStyle);
  }

  /**
   * Marks an era-specific form as used by the current file (language reference:
   * "What changed between 0.1.0 and the newest versions").
   */
  useEra(era: SyntaxEra): void {
    this.module.file.eras.add(era);
  }

  /**
   * The code being checked, as the ambiguous-type-name message names it (Oracle addendum:
   * "`depends` name resolution"): `Function 'f'`.
   */
  where(): string {
    const name = this.body.name;
    if (name.startsWith('<verify:')) return `Verify '${name.slice('<verify:'.length, -1)}'`;
    if (name === '__top_level__') return 'Top-level statement';
    return `Function '${name}'`;
  }

  /** The source text of a span in the current file (for messages that quote a pattern or a callee). */
  sourceText(span: Span): string {
    return this.module.file.text.slice(span.start, span.end);
  }

  /** A callee as written: `fib`, `Data.Fibonacci.fib`, `r.handler`; other expressions by their source text. */
  nameOf(callee: Expr | string): string {
    if (typeof callee === 'string') return callee;
    if (callee.kind === 'Ident') return callee.name;
    if (callee.kind === 'Member') return `${this.nameOf(callee.object)}.${callee.name}`;
    return this.sourceText(callee.span);
  }

  /**
   * Checks that the current body declares every effect a call needs (language reference: "Type system: effects") and
   * reports each missing one.
   *
   * @param span - Where the call is.
   * @param callee - The callee expression, or its name (rendered only when something is missing).
   * @param effects - The callee's effects; `null` is the built-in `! [..]` wildcard, which needs nothing known.
   */
  requireEffects(span: Span, callee: Expr | string, effects: readonly string[] | null): void {
    const declared = this.body.effects;
    if (declared === null || effects === null || effects.length === 0) return;
    for (const effect of effects) {
      if (!effectCovered(declared, effect)) {
        this.error(span, msg.missingEffect(this.body.name, this.nameOf(callee), effect));
      }
    }
  }
}
