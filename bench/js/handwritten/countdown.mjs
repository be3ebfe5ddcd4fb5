// countdown.av by hand: the self tail call is a loop.
function countdown(n) {
  for (;;) {
    switch (n) {
      case 0:
        return 0;
      default:
        n = n - 1;
    }
  }
}

export function main() {
  return String(countdown(20000));
}
