/** Generates an Aver program of about `lines` lines (deterministic for a seed). */
export function generateProgram(options?: { lines?: number; seed?: number }): string;
