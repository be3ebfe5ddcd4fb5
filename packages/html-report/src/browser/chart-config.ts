import type { ChartSpec, HistorySpec, SeriesRole } from '../chart-spec.js';

/** The colours a chart is drawn with, read from the page's CSS for the current colour scheme. */
export interface Theme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly roles: Readonly<Record<SeriesRole, string>>;
  /** Categorical colours for charts with many series (colour-blind safe). */
  readonly series: readonly string[];
}

type Config = Record<string, unknown>;

/** A duration for axes and tooltips, in the units of the text reports: `75µs`, `1.50ms`. */
export function formatMs(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)}ms` : `${(ms * 1000).toFixed(0)}µs`;
}

/**
 * The Chart.js configuration of a spec: no animation (the page is a document, and screenshots stay stable),
 * sized by its figure, axes and tooltips in milliseconds or ratios, colours by series role.
 */
export function buildConfig(spec: ChartSpec, theme: Theme): Config {
  switch (spec.kind) {
    case 'distribution':
      return base(theme, {
        type: 'violin',
        data: {
          labels: spec.groups.map((group) => group.label),
          datasets: [
            {
              label: 'samples (ms)',
              data: spec.groups.map((group) => [...group.samples]),
              backgroundColor: translucent(theme.roles.head),
              borderColor: theme.roles.head,
              borderWidth: 1.5,
              itemRadius: 2,
              itemStyle: 'circle',
              itemBackgroundColor: theme.text,
              itemBorderColor: theme.text,
              outlierRadius: 0,
            },
          ],
        },
        options: {
          scales: scales(theme, 'ms', undefined, false),
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                label: (item: {
                  parsed: { min: number; q1: number; median: number; q3: number; max: number };
                }) => {
                  const { min, q1, median, q3, max } = item.parsed;
                  return `median ${formatMs(median)}, quartiles ${formatMs(q1)} to ${formatMs(q3)}, range ${formatMs(min)} to ${formatMs(max)}`;
                },
              },
            },
          },
        },
      });
    case 'percentiles':
      return base(theme, {
        type: 'bar',
        data: {
          labels: spec.bars.map((bar) => bar.label),
          datasets: [
            { label: 'time', data: spec.bars.map((bar) => bar.value), backgroundColor: theme.roles.head },
          ],
        },
        options: {
          scales: scales(theme, 'ms'),
          plugins: { legend: { display: false }, tooltip: msTooltip() },
        },
      });
    case 'sequence': {
      const length = Math.max(...spec.series.map((series) => series.samples.length));
      return base(theme, {
        type: 'line',
        data: {
          labels: Array.from({ length }, (_, index) => String(index + 1)),
          datasets: spec.series.map((series, index) => ({
            label: series.label,
            data: [...series.samples],
            borderColor: colour(theme, series.role, index),
            backgroundColor: colour(theme, series.role, index),
            pointRadius: 2,
            borderWidth: 1.5,
          })),
        },
        options: {
          scales: scales(theme, 'ms', 'iteration', false),
          plugins: { legend: { display: spec.series.length > 1 }, tooltip: msTooltip() },
        },
      });
    }
    case 'comparison':
      return base(theme, {
        type: 'bar',
        data: {
          labels: [...spec.metrics],
          datasets: [
            { label: 'base', data: [...spec.base], backgroundColor: theme.roles.base },
            { label: 'head', data: [...spec.head], backgroundColor: theme.roles.head },
          ],
        },
        options: { scales: scales(theme, 'ms'), plugins: { tooltip: msTooltip() } },
      });
    case 'history':
      return historyConfig(spec, theme);
  }
}

function historyConfig(spec: HistorySpec, theme: Theme): Config {
  const datasets = spec.series.map((series, index) => {
    const values: (number | null)[] = spec.runs.map(() => null);
    const regressed: boolean[] = spec.runs.map(() => false);
    for (const point of series.points) {
      values[point.run] = point.value;
      regressed[point.run] = point.regressed;
    }
    const line = colour(theme, series.role, index);
    return {
      label: series.label,
      data: values,
      spanGaps: true,
      borderColor: line,
      backgroundColor: line,
      borderWidth: 1.5,
      pointStyle: regressed.map((flag) => (flag ? 'triangle' : 'circle')),
      pointRadius: regressed.map((flag) => (flag ? 7 : 3)),
      pointBackgroundColor: regressed.map((flag) => (flag ? theme.roles.regression : line)),
      pointBorderColor: regressed.map((flag) => (flag ? theme.roles.regression : line)),
      regressed,
    };
  });
  const format = spec.unit === 'ms' ? formatMs : (value: number) => `×${value.toFixed(2)}`;
  return base(theme, {
    type: 'line',
    data: { labels: [...spec.runs], datasets },
    options: {
      scales: scales(theme, spec.unit, 'run'),
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: {
          callbacks: {
            label: (item: {
              dataset: { label: string; regressed: boolean[] };
              parsed: { y: number };
              dataIndex: number;
            }) =>
              `${item.dataset.label}: ${format(item.parsed.y)}${item.dataset.regressed[item.dataIndex] ? ' ▲ regression' : ''}`,
          },
        },
      },
    },
  });
}

function base(theme: Theme, config: Config & { options: Config }): Config {
  return {
    ...config,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: theme.text,
      ...config.options,
      plugins: {
        ...(config.options.plugins as Config),
        legend: {
          labels: { color: theme.text },
          ...((config.options.plugins as Config | undefined)?.legend as Config),
        },
      },
    },
  };
}

function scales(theme: Theme, unit: 'ms' | 'ratio', xTitle?: string, zero = true): Config {
  const format = unit === 'ms' ? formatMs : (value: number) => `×${value.toFixed(2)}`;
  return {
    x: {
      ticks: { color: theme.muted, maxRotation: 0, autoSkip: true },
      grid: { color: theme.grid },
      title: { display: xTitle !== undefined, text: xTitle ?? '', color: theme.muted },
    },
    y: {
      beginAtZero: unit === 'ms' && zero,
      // A violin's density reaches past the extreme samples; leave it room, but a time is never negative.
      grace: zero ? 0 : '12%',
      afterDataLimits: (scale: { min: number }) => {
        if (scale.min < 0) scale.min = 0;
      },
      ticks: { color: theme.muted, callback: (value: number | string) => format(Number(value)) },
      grid: { color: theme.grid },
      title: { display: true, text: unit === 'ms' ? 'time' : 'p50 / first run', color: theme.muted },
    },
  };
}

function msTooltip(): Config {
  return {
    callbacks: {
      label: (item: { dataset: { label?: string }; parsed: { y: number } }) =>
        `${item.dataset.label ?? ''}: ${formatMs(item.parsed.y)}`,
    },
  };
}

function colour(theme: Theme, role: SeriesRole, index: number): string {
  return role === 'series' ? theme.series[index % theme.series.length]! : theme.roles[role];
}

/** A `#rrggbb` colour at 35 % opacity, for areas drawn under a darker outline. */
function translucent(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}59` : colour;
}
