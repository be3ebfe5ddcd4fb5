// string_interp.av by hand.
function build(i, n, acc) {
  for (;;) {
    if (i === n) return acc;
    acc = `${acc}${i},`;
    i = i + 1;
  }
}

export function main() {
  return build(0, 5000, '');
}
