/** Message texts of the js target, in one place. Runtime errors of Aver programs keep the VM's texts. */
export const JsMessages = {
  /** `RunOptions.stepBudget` counts VM instructions, which compiled JavaScript does not execute. */
  stepBudgetUnsupported: (): string =>
    'the js target cannot run with a step budget: it counts VM instructions, and compiled JavaScript runs none',
  /** `RunOptions.count` asks for VM counters. */
  countersUnsupported: (): string =>
    'the js target has no instruction counters (they count VM instructions); run the vm target for counters',
  /** A construct the generator cannot translate (a missing annotation: a bug, never silently run on the VM). */
  cannotCompile: (what: string, line: number): string => `JS compile: ${what} (line ${line})`,
  /** `runJs` called again from inside a run of the same program. */
  reentrantRun: (): string => 'a js program cannot be run again while it is running',
} as const;
