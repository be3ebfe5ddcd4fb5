export type { ChartSpec, PageData } from './chart-spec.js';
export type { PageChart } from './page-charts.js';
export type {
  InputView,
  PageModel,
  PageOptions,
  RegressionView,
  RunView,
  ScenarioView,
} from './page-model.js';
export { buildPageModel } from './page-model.js';
export { renderHtmlReport, renderPage } from './render-page.js';
