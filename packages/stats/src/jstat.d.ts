/** The part of jStat (CommonJS, no bundled types) this package uses. */
declare module 'jstat' {
  const jstat: {
    readonly jStat: {
      /** Cumulative distribution function of the normal distribution N(mean, sd). */
      readonly normal: { cdf(x: number, mean: number, sd: number): number };
    };
  };
  export default jstat;
}
