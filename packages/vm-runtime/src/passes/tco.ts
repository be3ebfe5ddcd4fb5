import type { Call, Expr, FnDecl, SourceFile, Stmt } from '../ast.js';
import { assertNever, childExprs, patternBinders } from './walk.js';

/** What `tco` found: the call graph size and how many calls it marked. */
export interface TcoStats {
  readonly functions: number;
  /** Strongly connected components with more than one function, or one function that calls itself. */
  readonly recursiveComponents: number;
  readonly tailCalls: number;
}

/** A source file with its module key (`null` for the entry). */
export interface ProgramFile {
  readonly file: SourceFile;
  readonly module: string | null;
}

interface FnNode {
  readonly name: string;
  readonly decl: FnDecl;
  readonly file: ProgramFile;
  readonly callees: Set<string>;
  component: number;
}

/**
 * The `tco` stage (language reference: "Tail calls", "What each stage does"): marks every call in tail position whose
 * callee is the calling function or another function of its call-graph SCC (`Call.tail`), so the compiler emits
 * `TAIL_CALL_SELF` / `TAIL_CALL` and the loop runs in constant stack space. It runs before the checker, so callees
 * are resolved syntactically: a bare name of a top-level function of the same file (unless a parameter, binding or
 * pattern binder in scope hides it), or a qualified `Module.Path.fn` of a loaded module. SCCs come from Tarjan's
 * algorithm.
 */
export function markTailCalls(files: readonly ProgramFile[]): TcoStats {
  const nodes = new Map<string, FnNode>();
  const fileFunctions = new Map<ProgramFile, Map<string, string>>();
  const moduleFunctions = new Map<string, Map<string, string>>();
  for (const file of files) {
    const names = new Map<string, string>();
    for (const item of file.file.items) {
      if (item.kind !== 'FnDecl') continue;
      const name = file.module === null ? item.name : `${file.module}.${item.name}`;
      names.set(item.name, name);
      // A duplicate name keeps its last definition (language reference: "Top-level items"), as the checker does.
      nodes.set(name, { name, decl: item, file, callees: new Set(), component: -1 });
    }
    fileFunctions.set(file, names);
    if (file.module !== null) moduleFunctions.set(file.module, names);
  }

  const resolver = (file: ProgramFile) => (callee: Expr, locals: readonly Set<string>[]) =>
    resolveCallee(callee, locals, fileFunctions.get(file)!, moduleFunctions);
  for (const node of nodes.values()) {
    const resolve = resolver(node.file);
    walkBody(node.decl, (call, locals) => {
      const target = resolve(call.callee, locals);
      if (target !== null && nodes.has(target)) node.callees.add(target);
    });
  }

  const components = stronglyConnectedComponents(nodes);
  let tailCalls = 0;
  for (const node of nodes.values()) {
    const resolve = resolver(node.file);
    forEachTailCall(node.decl, (call, locals) => {
      const target = resolve(call.callee, locals);
      if (target !== null && nodes.get(target)?.component === node.component) {
        call.tail = true;
        tailCalls++;
      }
    });
  }
  let recursiveComponents = 0;
  for (const members of components) {
    if (members.length > 1 || nodes.get(members[0])!.callees.has(members[0])) recursiveComponents++;
  }
  return { functions: nodes.size, recursiveComponents, tailCalls };
}

/** The qualified function a callee names, or `null` (a local, a built-in, a constructor, an expression). */
function resolveCallee(
  callee: Expr,
  locals: readonly Set<string>[],
  sameFile: Map<string, string>,
  modules: Map<string, Map<string, string>>,
): string | null {
  if (callee.kind === 'Ident') {
    for (const scope of locals) if (scope.has(callee.name)) return null;
    return sameFile.get(callee.name) ?? null;
  }
  if (callee.kind !== 'Member') return null;
  const path: string[] = [];
  let object: Expr = callee.object;
  while (object.kind === 'Member') {
    path.unshift(object.name);
    object = object.object;
  }
  if (object.kind !== 'Ident') return null;
  for (const scope of locals) if (scope.has(object.name)) return null;
  path.unshift(object.name);
  return modules.get(path.join('.'))?.get(callee.name) ?? null;
}

type CallVisitor = (call: Call, locals: readonly Set<string>[]) => void;

/** Visits every call of a function body with the local names in scope at it. */
function walkBody(decl: FnDecl, visit: CallVisitor): void {
  const scopes: Set<string>[] = [new Set(decl.params.map((param) => param.name))];
  const walkExpr = (expr: Expr): void => {
    if (expr.kind === 'Call') visit(expr, scopes);
    if (expr.kind === 'Match') {
      walkExpr(expr.subject);
      for (const arm of expr.arms) {
        scopes.push(new Set(patternBinders(arm.pattern)));
        walkExpr(arm.body);
        scopes.pop();
      }
      return;
    }
    for (const child of childExprs(expr)) walkExpr(child);
  };
  walkStmts(decl.body, scopes, walkExpr);
}

/** Visits the calls in tail position of a function body: its last expression and the arms of a tail `match`. */
function forEachTailCall(decl: FnDecl, visit: CallVisitor): void {
  const scopes: Set<string>[] = [new Set(decl.params.map((param) => param.name))];
  const last = decl.body[decl.body.length - 1];
  if (last === undefined || last.kind !== 'ExprStmt') return;
  for (const stmt of decl.body) if (stmt.kind === 'Binding' && stmt.name !== '_') scopes[0].add(stmt.name);
  const visitTail = (expr: Expr): void => {
    switch (expr.kind) {
      case 'Call':
        visit(expr, scopes);
        return;
      case 'Match':
        for (const arm of expr.arms) {
          scopes.push(new Set(patternBinders(arm.pattern)));
          visitTail(arm.body);
          scopes.pop();
        }
        return;
      default:
        return;
    }
  };
  visitTail(last.expr);
}

function walkStmts(stmts: readonly Stmt[], scopes: Set<string>[], walkExpr: (expr: Expr) => void): void {
  for (const stmt of stmts) {
    switch (stmt.kind) {
      case 'Binding':
        walkExpr(stmt.value);
        if (stmt.name !== '_') scopes[scopes.length - 1].add(stmt.name);
        break;
      case 'ExprStmt':
        walkExpr(stmt.expr);
        break;
      default:
        assertNever(stmt);
    }
  }
}

/**
 * Tarjan's algorithm (iterative, so deep call chains cannot overflow the JS stack). Sets `component` on every
 * node and returns the components as lists of names.
 */
function stronglyConnectedComponents(nodes: Map<string, FnNode>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes.keys()) {
    if (index.has(root)) continue;
    const work: { name: string; callees: string[]; next: number }[] = [];
    const open = (name: string) => {
      index.set(name, counter);
      lowLink.set(name, counter);
      counter++;
      stack.push(name);
      onStack.add(name);
      work.push({ name, callees: [...nodes.get(name)!.callees], next: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.next < frame.callees.length) {
        const callee = frame.callees[frame.next++];
        if (!index.has(callee)) open(callee);
        else if (onStack.has(callee))
          lowLink.set(frame.name, Math.min(lowLink.get(frame.name)!, index.get(callee)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].name;
        lowLink.set(parent, Math.min(lowLink.get(parent)!, lowLink.get(frame.name)!));
      }
      if (lowLink.get(frame.name) === index.get(frame.name)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          nodes.get(member)!.component = components.length;
          members.push(member);
        } while (member !== frame.name);
        components.push(members);
      }
    }
  }
  return components;
}
