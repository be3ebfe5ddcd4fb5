// match_dispatch.av by hand: one class per variant shape, dispatch on a tag.
class Shape {
  constructor(tag, a, b) {
    this.tag = tag;
    this.a = a;
    this.b = b;
  }
}

function shapeFor(i) {
  const x = i;
  switch (i - Math.trunc(i / 3) * 3) {
    case 0:
      return new Shape(0, x, 0);
    case 1:
      return new Shape(1, x, 2.0);
    default:
      return new Shape(2, x, 3.0);
  }
}

function area(s) {
  switch (s.tag) {
    case 0:
      return s.a * s.a * 3.0;
    case 1:
      return s.a * s.b;
    default:
      return (s.a * s.b) / 2.0;
  }
}

function total(i, acc) {
  for (;;) {
    switch (i) {
      case 0:
        return acc;
      default:
        acc = acc + area(shapeFor(i));
        i = i - 1;
    }
  }
}

export function main() {
  return String(total(10000, 0.0));
}
