// The summary a run prints: one row per driver (inputs, rate, time per input, verdicts), a total row, and the
// findings grouped by signature. Also written as summary.json next to the reproducers.

function table(headers, rows) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const DRIVER_ORDER = [
  'program',
  'manifest',
  'aver check',
  'aver run',
  'aver verify',
  'aver-bench',
  'aver-bench report',
  'aver-bench merge',
];

/**
 * @param {import('./findings.mjs').Recorder} recorder
 * @param {number} elapsedMs Wall time of the whole run.
 * @returns {{ text: string, json: object }}
 */
export function summarize(recorder, elapsedMs) {
  const seconds = elapsedMs / 1000;
  const drivers = [...recorder.byDriver.keys()].sort(
    (a, b) => DRIVER_ORDER.indexOf(a) - DRIVER_ORDER.indexOf(b),
  );
  const rows = drivers.map((driver) => {
    const row = recorder.byDriver.get(driver);
    return { driver, ...row, rate: row.inputs / seconds, msPerInput: row.ms / row.inputs };
  });
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  const total = {
    driver: 'total',
    inputs: sum('inputs'),
    crash: sum('crash'),
    hang: sum('hang'),
    'wrong-exit': sum('wrong-exit'),
    ok: sum('ok'),
    rate: sum('inputs') / seconds,
    msPerInput: null,
  };
  const cells = (row) => [
    row.driver,
    row.inputs.toLocaleString('en-US'),
    row.rate.toFixed(1),
    row.msPerInput === null ? '' : row.msPerInput.toFixed(2),
    String(row.crash),
    String(row.hang),
    String(row['wrong-exit']),
  ];
  const lines = [
    table(
      ['driver', 'inputs', 'rate/s', 'ms/input', 'crashes', 'hangs', 'wrong exits'],
      [...rows, total].map(cells),
    ),
    '',
    `${total.inputs.toLocaleString('en-US')} inputs in ${seconds.toFixed(1)} s (${total.rate.toFixed(1)}/s wall); ` +
      `${recorder.findings} finding${recorder.findings === 1 ? '' : 's'}`,
  ];
  const signatures = [...recorder.signatures.entries()].sort((a, b) => b[1].count - a[1].count);
  if (signatures.length > 0) {
    lines.push('', 'findings by signature (count, first input):');
    for (const [signature, group] of signatures)
      lines.push(`  ${String(group.count).padStart(6)}  #${group.first}  ${signature}`);
  }
  const json = {
    elapsed_s: seconds,
    inputs: total.inputs,
    rate_per_s: total.rate,
    findings: recorder.findings,
    drivers: rows.map((row) => ({
      driver: row.driver,
      inputs: row.inputs,
      rate_per_s: row.rate,
      ms_per_input: row.msPerInput,
      crashes: row.crash,
      hangs: row.hang,
      wrong_exits: row['wrong-exit'],
    })),
    signatures: signatures.map(([signature, group]) => ({
      signature,
      count: group.count,
      first_input: group.first,
    })),
  };
  return { text: lines.join('\n'), json };
}
