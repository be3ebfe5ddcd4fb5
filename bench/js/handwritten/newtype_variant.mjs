// newtype_variant.av by hand.
class Meters {
  constructor(value) {
    this.value = value;
  }
}

function unwrap(m) {
  return m.value;
}

function sumMeters(n, acc) {
  for (;;) {
    switch (n) {
      case 0:
        return acc;
      default:
        acc = acc + unwrap(new Meters(n));
        n = n - 1;
    }
  }
}

export function main() {
  return String(sumMeters(20000, 0));
}
