// newtype_record.av by hand.
function sumCents(n, acc) {
  for (;;) {
    switch (n) {
      case 0:
        return acc;
      default:
        acc = acc + { value: n }.value;
        n = n - 1;
    }
  }
}

export function main() {
  return String(sumCents(20000, 0));
}
