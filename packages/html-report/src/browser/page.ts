/*
 * The page script, bundled with Chart.js into the HTML file at build time (scripts/bundle-page-script.mjs).
 * It reads the embedded chart specs, draws each chart with the colours of the current colour scheme (and
 * redraws on a change), and makes every chart usable from the keyboard: a focused chart steps through its
 * points with the arrow keys and speaks each one through a live region.
 */
import { Violin, ViolinController } from '@sgratzl/chartjs-chart-boxplot';
import {
  type ActiveElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { type ChartSpec, PAGE_DATA_ID, type PageData, type SeriesRole } from '../chart-spec.js';
import { buildConfig, type Theme } from './chart-config.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  ViolinController,
  Violin,
);

const SERIES_COUNT = 8;

/** The palette of the current colour scheme, from the page's CSS custom properties. */
function readTheme(): Theme {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string) => style.getPropertyValue(name).trim();
  const roles: Record<SeriesRole, string> = {
    head: value('--head'),
    base: value('--base'),
    secondary: value('--secondary'),
    regression: value('--regression'),
    series: value('--series-1'),
  };
  return {
    text: value('--fg'),
    muted: value('--muted'),
    grid: value('--grid'),
    surface: value('--surface'),
    roles,
    series: Array.from({ length: SERIES_COUNT }, (_, index) => value(`--series-${index + 1}`)),
  };
}

function readData(): PageData {
  const element = document.getElementById(PAGE_DATA_ID);
  if (element === null || element.textContent === null) throw new Error(`the page has no #${PAGE_DATA_ID}`);
  return JSON.parse(element.textContent) as PageData;
}

const charts = new Map<HTMLCanvasElement, Chart>();

/** Draws one chart (again) with the current theme. */
function draw(canvas: HTMLCanvasElement, data: PageData, theme: Theme): void {
  const key = canvas.dataset.chart!;
  const spec: ChartSpec | undefined = data.charts[key];
  if (spec === undefined) throw new Error(`no chart data for ${key}`);
  charts.get(canvas)?.destroy();
  const config = buildConfig(spec, theme) as unknown as ChartConfiguration;
  const chart = new Chart(canvas, config);
  charts.set(canvas, chart);
  // Where the data is drawn (inside the axes, without the legend), for tests that look at the pixels.
  const { left, top, right, bottom } = chart.chartArea;
  canvas.dataset.plotArea = [left, top, right, bottom].map(Math.round).join(',');
  canvas.dataset.rendered = 'true';
}

/** Shows a failure in the page's banner (and the console), so a chart that cannot be drawn is never silent. */
function fail(error: unknown): void {
  document.documentElement.dataset.charts = 'failed';
  const banner = document.getElementById('chart-error');
  if (banner !== null) {
    banner.hidden = false;
    banner.textContent = `The charts could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
  }
  console.error(error);
}

/** Every point of the visible datasets, in reading order: dataset by dataset, left to right. */
function pointsOf(chart: Chart): ActiveElement[] {
  const points: ActiveElement[] = [];
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    dataset.data.forEach((value, index) => {
      if (value === null || meta.data[index] === undefined) return;
      points.push({ datasetIndex, index, element: meta.data[index]! });
    });
  });
  return points;
}

function describePoint(chart: Chart, point: ActiveElement): string {
  const title = chart.tooltip?.title?.join(' ') ?? '';
  const body = chart.tooltip?.body?.flatMap((item) => item.lines).join('; ') ?? '';
  const label = String(chart.data.labels?.[point.index] ?? '');
  return [title || label, body].filter((part) => part !== '').join(': ');
}

function onKey(event: KeyboardEvent): void {
  const canvas = event.currentTarget as HTMLCanvasElement;
  const chart = charts.get(canvas);
  if (chart === undefined) return;
  const points = pointsOf(chart);
  if (points.length === 0) return;
  const active = chart.getActiveElements()[0];
  let at =
    active === undefined
      ? -1
      : points.findIndex((p) => p.datasetIndex === active.datasetIndex && p.index === active.index);
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      at = Math.min(at + 1, points.length - 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      at = Math.max(at - 1, 0);
      break;
    case 'Home':
      at = 0;
      break;
    case 'End':
      at = points.length - 1;
      break;
    case 'Escape':
      clearActive(chart);
      return;
    default:
      return;
  }
  event.preventDefault();
  const point = points[at]!;
  const position = point.element.tooltipPosition(false);
  chart.setActiveElements([point]);
  chart.tooltip?.setActiveElements([point], { x: position.x, y: position.y });
  chart.update();
  const live = document.getElementById(`${canvas.id}-live`);
  if (live !== null) live.textContent = describePoint(chart, point);
}

function clearActive(chart: Chart): void {
  chart.setActiveElements([]);
  chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
  chart.update();
}

/*
 * Charts are drawn when they come near the viewport (a page of a hundred scenarios has hundreds of charts, and
 * drawing them all up front takes seconds), all at once before printing, and again when the colour scheme
 * changes.
 */
function main(): void {
  const data = readData();
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
  for (const canvas of canvases) {
    if (data.charts[canvas.dataset.chart!] === undefined)
      throw new Error(`no chart data for ${canvas.dataset.chart}`);
    canvas.addEventListener('keydown', onKey);
    canvas.addEventListener('blur', () => {
      const chart = charts.get(canvas);
      if (chart !== undefined) clearActive(chart);
    });
  }
  const observer = new IntersectionObserver(
    (entries) => {
      const theme = readTheme();
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        try {
          draw(entry.target as HTMLCanvasElement, data, theme);
        } catch (error) {
          fail(error);
        }
      }
    },
    { rootMargin: '600px 0px' },
  );
  for (const canvas of canvases) observer.observe(canvas);
  window.addEventListener('beforeprint', () => {
    const theme = readTheme();
    for (const canvas of canvases) {
      if (charts.has(canvas)) continue;
      observer.unobserve(canvas);
      draw(canvas, data, theme);
    }
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    const theme = readTheme();
    for (const canvas of charts.keys()) draw(canvas, data, theme);
  });
  document.documentElement.dataset.charts = 'ready';
}

try {
  main();
} catch (error) {
  fail(error);
}
