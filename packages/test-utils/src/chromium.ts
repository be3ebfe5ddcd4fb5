/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's `chromium` package; we never download a browser (the network is closed). */
export const CHROMIUM_PATH = process.env.AVER_CHROMIUM ?? '/usr/bin/chromium';

/** Whether Chromium is installed; tests that need it skip visibly when it is not. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Flags for a headless Chromium on a machine without network, GPU or sandbox privileges. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page opened in a fresh headless Chromium, with what it logged and asked the network for. */
export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console messages of type `error`, and uncaught exceptions. */
  readonly errors: string[];
  /** Every URL the page requested (the page itself included). */
  readonly requests: string[];
  /** Closes the browser and removes its profile folder. */
  readonly close: () => Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a fresh profile (`playwright-core`, `executablePath`) and opens a
 * local file in it. Requests to anything but `file:` URLs are aborted and recorded, so a page that tries to
 * load from the network shows it.
 * @param file The HTML file to open.
 * @param options The colour scheme and viewport.
 */
export async function openInChromium(
  file: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<OpenedPage> {
  const profile = mkdtempSync(path.join(tmpdir(), 'aver-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
  });
  const errors: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith('file:') ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`file://${path.resolve(file)}`);
  return {
    page,
    context,
    errors,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * How many pixels of each canvas are painted in one of the given colours (each channel within 40, any alpha
 * above zero), keyed by canvas id in document order. Pass the colours data is drawn in (not those of axes,
 * grid and labels): a chart whose axes drew but whose data did not then counts 0. Without colours, every
 * painted pixel counts. When a canvas has `data-plot-area="left,top,right,bottom"` (CSS pixels), only that
 * rectangle is looked at, so a legend's colour boxes do not count as data.
 * @param page The page.
 * @param colours CSS custom properties of the page (`--head`) or `#rrggbb` colours.
 */
export function paintedPixels(page: Page, colours: readonly string[] = []): Promise<Record<string, number>> {
  return page.evaluate((wanted) => {
    const style = getComputedStyle(document.documentElement);
    const targets = wanted.map((colour) => {
      const hex = colour.startsWith('--') ? style.getPropertyValue(colour).trim() : colour;
      return [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    });
    const counts: Record<string, number> = {};
    for (const canvas of document.querySelectorAll('canvas')) {
      const context = canvas.getContext('2d');
      if (context === null || canvas.width === 0 || canvas.height === 0) {
        counts[canvas.id] = 0;
        continue;
      }
      const scale = canvas.width / canvas.clientWidth;
      const area = (canvas.dataset.plotArea ?? `0,0,${canvas.clientWidth},${canvas.clientHeight}`)
        .split(',')
        .map((value) => Math.round(Number(value) * scale));
      const [left, top, right, bottom] = area as [number, number, number, number];
      if (right <= left || bottom <= top) {
        counts[canvas.id] = 0;
        continue;
      }
      const { data } = context.getImageData(left, top, right - left, bottom - top);
      let painted = 0;
      for (let index = 0; index < data.length; index += 4) {
        if (data[index + 3]! === 0) continue;
        if (targets.length === 0) {
          painted++;
          continue;
        }
        const [r, g, b] = [data[index]!, data[index + 1]!, data[index + 2]!];
        if (
          targets.some(
            ([tr, tg, tb]) => Math.abs(r - tr!) <= 40 && Math.abs(g - tg!) <= 40 && Math.abs(b - tb!) <= 40,
          )
        ) {
          painted++;
        }
      }
      counts[canvas.id] = painted;
    }
    return counts;
  }, colours);
}

/**
 * Brings every chart canvas into view, one after the other, and waits until the page has drawn it (it sets
 * `data-rendered` on the canvas): pages draw their charts as they come near the viewport.
 * @param page The page.
 * @returns The ids of the canvases, in document order.
 */
export async function drawAllCharts(page: Page): Promise<string[]> {
  const ids = await page.$$eval('canvas', (canvases) => canvases.map((canvas) => canvas.id));
  for (const id of ids) {
    await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`[id="${id}"][data-rendered]`, { timeout: 10_000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return ids;
}
