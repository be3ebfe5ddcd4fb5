/** Where the loop is read from (src/vm.ts) and where the counting twin goes (src/vm-counting.ts). */
export declare const SOURCE_PATH: string;
export declare const OUTPUT_PATH: string;
/** The counting loop's source, before formatting, for the given vm.ts source. */
export declare function generateCountingLoop(source: string): string;
/** Formats TypeScript source the way `biome format` does for this package. */
export declare function formatWithBiome(text: string): string;
