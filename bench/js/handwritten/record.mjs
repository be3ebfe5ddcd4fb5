// record.av by hand.
function step(n) {
  const p = { x: n, y: n + 1 };
  return p.x + p.y;
}

function loop(n, acc) {
  for (;;) {
    switch (n) {
      case 0:
        return acc;
      default:
        acc = acc + step(n);
        n = n - 1;
    }
  }
}

export function main() {
  return String(loop(20000, 0));
}
