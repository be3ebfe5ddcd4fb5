import type { NameResolution } from '../ast.js';
import type { Type } from './types.js';

/** A local name: a parameter, a binding, a pattern binder or a `given` of a verify law. */
export interface LocalInfo {
  readonly name: string;
  readonly type: Type;
  /** The resolution shared by every use of this local. */
  readonly ref: Extract<NameResolution, { kind: 'local' }>;
  /** Nesting depth of the scope that declared it. */
  readonly depth: number;
  /** The outer declaration this one shadows, restored when the scope ends. */
  readonly shadowed: LocalInfo | undefined;
}

/**
 * Nested local scopes as one table plus an undo log, so a lookup is a single map probe whatever the nesting depth
 * (no scope-chain walk) and leaving a scope costs only what it declared.
 */
export class LocalScope {
  private readonly table = new Map<string, LocalInfo>();
  private readonly log: string[] = [];
  private readonly marks: number[] = [];
  private depth = 0;

  /** The innermost declaration of `name`, if any. */
  lookup(name: string): LocalInfo | undefined {
    return this.table.get(name);
  }

  /**
   * Declares `name` in the current scope.
   *
   * @returns `false` (and declares nothing) when the current scope already has `name`.
   */
  declare(name: string, type: Type): boolean {
    const shadowed = this.table.get(name);
    if (shadowed !== undefined && shadowed.depth === this.depth) return false;
    this.table.set(name, { name, type, ref: { kind: 'local', name }, depth: this.depth, shadowed });
    this.log.push(name);
    return true;
  }

  /** Opens a nested scope (a match arm). */
  enter(): void {
    this.marks.push(this.log.length);
    this.depth++;
  }

  /** Closes the innermost scope, restoring anything it shadowed. */
  exit(): void {
    const mark = this.marks.pop() ?? 0;
    while (this.log.length > mark) {
      const name = this.log.pop()!;
      const info = this.table.get(name)!;
      if (info.shadowed === undefined) this.table.delete(name);
      else this.table.set(name, info.shadowed);
    }
    this.depth--;
  }

  /** Forgets everything (between functions). */
  clear(): void {
    if (this.table.size !== 0) this.table.clear();
    this.log.length = 0;
    this.marks.length = 0;
    this.depth = 0;
  }
}
