// map_lookup.av by hand.
function build(n, m) {
  for (;;) {
    switch (n) {
      case 0:
        return m;
      default:
        m.set(n - 1, 2 * (n - 1));
        n = n - 1;
    }
  }
}

function lookups(m, n, acc) {
  for (;;) {
    switch (n) {
      case 0:
        return acc;
      default:
        acc = acc + (m.get(n - Math.trunc(n / 2000) * 2000) ?? 0);
        n = n - 1;
    }
  }
}

export function main() {
  return String(lookups(build(2000, new Map()), 20000, 0));
}
