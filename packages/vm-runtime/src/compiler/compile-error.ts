/** A construct the compiler cannot translate (the checker should have rejected or annotated it). */
export class CompileError extends Error {
  override readonly name = 'CompileError';
}
