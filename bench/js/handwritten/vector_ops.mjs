// vector_ops.av by hand: one array updated in place.
function fill(v, i, n) {
  for (;;) {
    if (i === n) return v;
    if (i >= 0 && i < v.length) v[i] = 2 * i;
    i = i + 1;
  }
}

function sumAll(v, i, n, acc) {
  for (;;) {
    if (i === n) return acc;
    acc = acc + (i >= 0 && i < v.length ? v[i] : 0);
    i = i + 1;
  }
}

export function main() {
  const v = fill(new Array(5000).fill(0), 0, 5000);
  return String(sumAll(v, 0, 5000, 0));
}
