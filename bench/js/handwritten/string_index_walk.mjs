// string_index_walk.av by hand (the text is in the Basic Multilingual Plane, so UTF-16 indexes are code points).
function buildText(n, acc) {
  for (;;) {
    switch (n) {
      case 0:
        return acc;
      default:
        acc = `${acc}naïve `;
        n = n - 1;
    }
  }
}

function spaceValue(c) {
  switch (c) {
    case ' ':
      return 1;
    default:
      return 0;
  }
}

function countSpaces(s, i, n, acc) {
  for (;;) {
    if (i === n) return acc;
    const c = i < s.length ? s.charAt(i) : null;
    if (c === null) return acc;
    acc = acc + spaceValue(c);
    i = i + 1;
  }
}

export function main() {
  const s = buildText(4000, '');
  return String(countSpaces(s, 0, s.length, 0));
}
