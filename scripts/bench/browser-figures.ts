/**
 * The figures `npm run bench` takes in headless Chromium, against one local server: P1 (app vs bare engine,
 * alternating, a fresh context each), the warm revisit, the browser's own build time (P2), failed requests
 * on a cold visit, and P6 (lineage and map). Every request to a host other than 127.0.0.1 is aborted.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../find-browser.ts';
import { BENCH_PREFIX } from './site-server.ts';
import { timeStagingEdits } from './workbench-edit.ts';

/** Every browser figure, each as the list of its runs (milliseconds), plus the failed requests. */
export interface BrowserFigures {
  /** Navigation to the first report drawn (`data-first-report`, from whatever source), cold, per run. */
  appColdMs: number[];
  /** Navigation to the app fully built and its report drawn from its own database (`data-app-state=ready`), cold. */
  appReadyMs: number[];
  /** Where each cold visit's first report came from (`precomputed`, `cached` or `live`). */
  coldSources: string[];
  /** Where each warm revisit's first report came from. */
  warmSources: string[];
  /** Navigation to `select 42` answered on the bare-engine page, cold, per run. */
  referenceMs: number[];
  /** The second navigation in the same context, to the first report drawn. */
  warmMs: number[];
  /** The app's `data-build-ms`: from start (engine boot, project, sources) to every model and test built. */
  buildMs: number[];
  /** The app's `data-build-steps-ms`: the first build's steps in the database, plan to last result. */
  buildStepsMs: number[];
  /** Requests that failed or answered 4xx/5xx on the first cold visit, as `status url`. */
  failedRequests: string[];
  /** Requests the bench blocked because they left 127.0.0.1. */
  blockedRequests: string[];
  /** The 500-node lineage, graph to first frame. */
  lineageMs: number[];
  /** The 22,000-point map, mount to first frame after the last marker. */
  mapMs: number[];
  /** P3: save of a staging-model edit to its downstream rebuilt and tested, per edit. */
  stagingEditMs: number[];
  /** Why P3 could not be measured, if it could not. */
  stagingEditError?: string | undefined;
}

/** Figures with no runs yet: what a bench that takes no browser figure reports. */
export function emptyBrowserFigures(): BrowserFigures {
  return {
    appColdMs: [],
    appReadyMs: [],
    coldSources: [],
    warmSources: [],
    referenceMs: [],
    warmMs: [],
    buildMs: [],
    buildStepsMs: [],
    failedRequests: [],
    blockedRequests: [],
    lineageMs: [],
    mapMs: [],
    stagingEditMs: [],
  };
}

/**
 * Take the browser figures: `runs` alternating app/reference pairs, and `runs` of each P6 page. `wants(id)` says
 * which figures to take (`BENCH_ONLY`); the app's cold visits are made when P1, Warm, P2 or Requests is wanted.
 */
export async function measureInBrowser(options: {
  origin: string;
  runs: number;
  wants?: (id: string) => boolean;
}): Promise<BrowserFigures> {
  const wants = options.wants ?? (() => true);
  const browser = await chromium.launch({ executablePath: findBrowser()?.executablePath, args: CHROMIUM_ARGS });
  const figures = emptyBrowserFigures();
  try {
    const appVisits = ['P1', 'Warm', 'P2', 'Requests'].some(wants);
    for (let run = 0; run < (appVisits ? options.runs : 0); run++) {
      await withContext(browser, figures, async (page) => {
        const failed = run === 0 ? watchFailures(page) : [];
        figures.appColdMs.push(await timeTo(page, `${options.origin}/`, FIRST_REPORT));
        figures.coldSources.push(await firstReportSource(page));
        figures.appReadyMs.push(await timeOnPage(page, APP_READY));
        figures.buildMs.push(Number(await page.locator('[data-build-ms]').getAttribute('data-build-ms')));
        figures.buildStepsMs.push(
          Number(await page.locator('[data-build-steps-ms]').getAttribute('data-build-steps-ms')),
        );
        // The built page's results are in this browser's store before the revisit, as after a real visit.
        await timeOnPage(page, '[data-kept-results]');
        if (run === 0) figures.failedRequests.push(...failed);
        if (wants('Warm')) {
          figures.warmMs.push(await timeTo(page, `${options.origin}/`, FIRST_REPORT));
          figures.warmSources.push(await firstReportSource(page));
        }
      });
      if (!wants('P1')) continue;
      await withContext(browser, figures, async (page) => {
        figures.referenceMs.push(await timeTo(page, `${options.origin}${BENCH_PREFIX}reference.html`, ENGINE_READY));
      });
    }
    if (wants('P3'))
      await withContext(browser, figures, async (page) => {
        try {
          figures.stagingEditMs.push(...(await timeStagingEdits({ page, origin: options.origin, edits: 5 })));
        } catch (error) {
          // One figure that cannot be taken must not lose the others: the table shows it as n/a with why.
          figures.stagingEditError = String(error).split('\n')[0];
        }
      });
    for (let run = 0; run < (wants('P6') ? options.runs : 0); run++) {
      await withContext(browser, figures, async (page) => {
        await page.goto(`${options.origin}${BENCH_PREFIX}lineage.html`);
        await page.waitForFunction(() => 'runLineageBench' in globalThis);
        figures.lineageMs.push(
          await page.evaluate(
            async () =>
              (
                await (
                  globalThis as unknown as { runLineageBench: (size: number) => Promise<{ totalMs: number }> }
                ).runLineageBench(500)
              ).totalMs,
          ),
        );
      });
      await withContext(browser, figures, async (page) => {
        await page.goto(`${options.origin}${BENCH_PREFIX}map.html`);
        await page.waitForFunction(() => 'runMapBench' in globalThis);
        figures.mapMs.push(
          await page.evaluate(
            async () =>
              (
                await (
                  globalThis as unknown as { runMapBench: (size: number) => Promise<{ totalMs: number }> }
                ).runMapBench(22_000)
              ).totalMs,
          ),
        );
      });
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** The app's first report drawn, from precomputed, kept or its own results (issue 11's P1 and Warm). */
const FIRST_REPORT = '[data-first-report]';
/** The app fully built, its report drawn from its own database (measured too, so nothing is hidden). */
const APP_READY = '[data-app-state="ready"]';
/** The reference page's answer to `select 42`. */
const ENGINE_READY = '[data-engine-ready]';

/** Navigate and return the in-page time (ms since navigation) at which `selector` first matched, checked every frame. */
async function timeTo(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  return timeOnPage(page, selector);
}

/** Where the first report drawn on this visit took its numbers from, as the app says. */
async function firstReportSource(page: Page): Promise<string> {
  return (await page.locator('[data-first-report]').getAttribute('data-first-report')) ?? 'unknown';
}

/** The in-page time (ms since this page's navigation) at which `selector` first matched, checked every frame. */
async function timeOnPage(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted) =>
      (globalThis as unknown as { document: { querySelector: (selector: string) => unknown } }).document.querySelector(
        wanted,
      )
        ? performance.now()
        : undefined,
    selector,
    { polling: 'raf', timeout: 180_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function withContext(
  browser: Browser,
  figures: BrowserFigures,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const context: BrowserContext = await browser.newContext();
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/]).*/, (route) => {
    figures.blockedRequests.push(route.request().url());
    return route.abort();
  });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

function watchFailures(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}
