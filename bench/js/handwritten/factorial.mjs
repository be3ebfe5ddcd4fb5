// factorial.av by hand: the console is silenced, as in the bench.
const print = (_line) => {};

function factorial(n) {
  switch (n) {
    case 0:
      return 1;
    default:
      return n * factorial(n - 1);
  }
}

export function main() {
  print(`10! = ${factorial(10)}`);
  return null;
}
