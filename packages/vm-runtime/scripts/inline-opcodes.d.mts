/** The files whose `Op.NAME` references are inlined: the loop and its counting twin. */
export declare const LOOP_FILES: readonly string[];
/** `source` with each `Op.NAME` replaced by the number `opcodes[NAME]`; an unknown name is an error. */
export declare function inlineOpcodes(source: string, opcodes: Readonly<Record<string, number>>): string;
