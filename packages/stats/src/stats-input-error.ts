/** Input a statistic cannot be computed from (empty, non-finite or out of range); the message says which. */
export class StatsInputError extends RangeError {
  override readonly name = 'StatsInputError';
}
