// map_build.av by hand: one Map updated in place.
function build(n, m) {
  for (;;) {
    switch (n) {
      case 0:
        return m;
      default:
        m.set(`key${n}`, n);
        n = n - 1;
    }
  }
}

export function main() {
  return String(build(5000, new Map()).size);
}
