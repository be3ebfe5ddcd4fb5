/**
 * How Oracle verification treats each effect method (Oracle addendum: "Classified effects and stub signatures", the
 * 0.16–0.27 table): a *snapshot* stub takes the method's own arguments; a *generative* stub (also
 * *generative+output*) takes `(BranchPath, Int, args…)`; an *output* method has no stub and is asserted about through
 * `.trace`. Anything not listed (`HttpServer.*`, a namespace such as `Random` in `! [Random]`, since the lookup uses
 * the exact name) is unclassified.
 */
export type EffectDimension = 'snapshot' | 'generative' | 'generative+output' | 'output';

const TABLE: readonly (readonly [EffectDimension, readonly string[]])[] = [
  ['snapshot', ['Args.get', 'Env.get', 'Terminal.size']],
  [
    'generative',
    [
      'Random.int',
      'Random.float',
      'Time.now',
      'Time.unixMs',
      'Disk.readText',
      'Disk.exists',
      'Disk.listDir',
      'Console.readLine',
      'Terminal.readKey',
    ],
  ],
  [
    'generative+output',
    [
      'Http.get',
      'Http.head',
      'Http.delete',
      'Http.post',
      'Http.put',
      'Http.patch',
      'Disk.writeText',
      'Disk.appendText',
      'Disk.delete',
      'Disk.deleteDir',
      'Disk.makeDir',
      'Tcp.send',
      'Tcp.ping',
      'Tcp.connect',
      'Tcp.readLine',
      'Tcp.writeLine',
      'Tcp.close',
    ],
  ],
  [
    'output',
    [
      'Console.print',
      'Console.error',
      'Console.warn',
      'Time.sleep',
      'Env.set',
      'Terminal.clear',
      'Terminal.moveTo',
      'Terminal.print',
      'Terminal.hideCursor',
      'Terminal.showCursor',
      'Terminal.flush',
      'Terminal.enableRawMode',
      'Terminal.disableRawMode',
      'Terminal.setColor',
      'Terminal.resetColor',
    ],
  ],
];

const DIMENSIONS: ReadonlyMap<string, EffectDimension> = new Map(
  TABLE.flatMap(([dimension, names]) => names.map((name) => [name, dimension] as const)),
);

/** Every classified effect method, in the table's order (named by the proof-subset message). */
export const CLASSIFIED_EFFECTS: readonly string[] = TABLE.flatMap(([, names]) => names);

/** The dimension of an effect method, or `null` when it is unclassified. */
export function effectDimension(name: string): EffectDimension | null {
  return DIMENSIONS.get(name) ?? null;
}

/** Generative methods take a stub called as `stub(path, n, args…)` and advance the case's counter. */
export function isGenerative(dimension: EffectDimension | null): boolean {
  return dimension === 'generative' || dimension === 'generative+output';
}
