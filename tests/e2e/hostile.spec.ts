import type { Page } from '@playwright/test';
import { encodeShareState } from '../../src/core/report/url-state.ts';
import { HOSTILE_PAYLOADS } from '../support/hostile-payloads.ts';
import {
  HOSTILE_FILE_NAME_REPORT,
  HOSTILE_FILE_NAME_SEED,
  hostileReport,
  hostileSeedCsv,
} from '../support/hostile-project.ts';
import { expect, test } from './fixtures.ts';

// Issue 10 item 7, "Safe by construction": payloads that would call `__pwned(n)` or `alert(n)` flow through a
// shared link into a report, its data, its inputs and file names; nothing may run, and the page's
// Content-Security-Policy must never have to block anything (a violation means markup got through).

/**
 * What the page's globals hold in this test (tests/e2e type-checks without the DOM library, so the few DOM
 * calls the page-side callbacks make are typed here). The callbacks reach them as `globalThis`.
 */
interface PageGlobals {
  /** What called the marker, by payload number: must stay empty. */
  __pwnedBy: string[];
  /** The marker every payload calls. */
  __pwned: (id: unknown) => void;
  /** Every `securitypolicyviolation` the page saw. */
  __cspViolations: string[];
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { violatedDirective: string; blockedURI: string }) => void,
    ): void;
    querySelector(selector: string): { querySelectorAll(selector: string): ArrayLike<{ outerHTML: string }> } | null;
  };
}

/** Elements and attributes no payload may ever leave in the app. */
const LIVE_MARKUP =
  '[onerror],[onload],[onclick],[onfocus],[ontoggle],[onstart],[onbegin],iframe,object,embed,base,meta,' +
  'script,style,link,noscript,x-y,marquee,a[href^="javascript:" i],a[href^="data:" i],a[href^="vbscript:" i],' +
  'img[src="x"],form[action^="javascript:" i]';

function watch(page: Page) {
  const dialogs: string[] = [];
  const cspMessages: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) cspMessages.push(message.text());
  });
  return {
    /** No payload ran, nothing was blocked, and no live markup is in the page now. */
    async expectClean(where: string) {
      const state = await page.evaluate((selector) => {
        const globals = globalThis as unknown as PageGlobals;
        return {
          pwned: globals.__pwnedBy,
          violations: globals.__cspViolations,
          live: Array.from(globals.document.querySelector('#app')?.querySelectorAll(selector) ?? []).map((element) =>
            element.outerHTML.slice(0, 120),
          ),
        };
      }, LIVE_MARKUP);
      expect(state.pwned, `payloads that ran (${where})`).toEqual([]);
      expect(dialogs, `dialogs opened (${where})`).toEqual([]);
      expect(state.violations, `CSP violations (${where})`).toEqual([]);
      expect(cspMessages, `CSP console messages (${where})`).toEqual([]);
      expect(state.live, `live markup in the page (${where})`).toEqual([]);
    },
  };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const globals = globalThis as unknown as PageGlobals;
    globals.__pwnedBy = [];
    globals.__pwned = (id) => void globals.__pwnedBy.push(String(id));
    globals.__cspViolations = [];
    globals.document.addEventListener('securitypolicyviolation', (event) =>
      globals.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

test('hostile text in a shared report, its data, inputs and file names is shown as text and runs nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const encoded = encodeShareState({
    page: 'reports/hostile.md',
    inputs: { typed: '<img src=x onerror=__pwned(60)>', pick: '<svg onload=__pwned(61)>' },
    edits: {
      'reports/hostile.md': hostileReport(),
      'seeds/hostile_schools.csv': hostileSeedCsv(),
      [HOSTILE_FILE_NAME_REPORT]: '# Named <img src=x onerror=__pwned(73)>\n',
      [HOSTILE_FILE_NAME_SEED]: 'a\n1\n',
    },
  });
  if (!encoded.ok) throw new Error(encoded.message);
  const guard = watch(page);

  // The gate lists the files by name and shows their text in a diff before anything runs.
  await page.goto(`/#/reports/hostile?state=${encoded.token}`);
  const gate = page.getByTestId('shared-edits');
  await expect(gate).toContainText(HOSTILE_FILE_NAME_REPORT);
  await gate.getByRole('button', { name: 'Review the changes' }).click();
  await expect(gate.locator('.diff').first()).toBeVisible();
  await guard.expectClean('the share gate');
  await gate.getByRole('button', { name: 'Apply the edits' }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 90_000 });

  // Markdown: every payload is a paragraph of text; the table: every payload a cell.
  const report = page.locator('article.report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Hostile data <img src=x onerror=__pwned(52)>');
  for (const payload of ['<script>__pwned(1)</script>', '<img src=x onerror=__pwned(2)>', '{{ __pwned(13) }}'])
    await expect(report.getByText(payload, { exact: true }).first()).toBeVisible();
  await expect(
    report.getByRole('cell', { name: '</textarea><img src=x onerror=__pwned(17)>', exact: true }),
  ).toBeVisible();
  await expect(report.getByText('44 rows').first()).toBeVisible();
  // The share link's input values arrive as text too, and reach the query as bound parameters.
  await expect(report.getByRole('cell', { name: '<img src=x onerror=__pwned(60)>', exact: true })).toBeVisible();
  await guard.expectClean('the report');

  // Inputs: options and buttons labelled with payloads, and a typed payload.
  await report.getByLabel('<img src=x onerror=__pwned(57)>').selectOption({ label: '<svg onload=__pwned(3)>' });
  await report.getByRole('button', { name: '<img src=x onerror=__pwned(2)>', exact: true }).click();
  const typed = report.getByLabel('<img src=x onerror=__pwned(59)>');
  await typed.fill('"><svg onload=__pwned(62)>');
  await typed.press('Enter');
  await expect(report.getByRole('cell', { name: '"><svg onload=__pwned(62)>', exact: true })).toBeVisible();
  await guard.expectClean('the inputs');

  // Charts: the axis tooltip holds the payload names as text.
  const chart = page.getByTestId('bar-chart');
  await chart.scrollIntoViewIfNeeded();
  const chartBox = await chart.boundingBox();
  if (!chartBox) throw new Error('chart not laid out');
  await page.mouse.move(chartBox.x + chartBox.width / 2, chartBox.y + chartBox.height / 2);
  await expect(chart).toContainText('__pwned(');
  await guard.expectClean('the chart tooltip');

  // The map: every marker sits where the map centres; find them with the pointer there, then click.
  const map = page.getByTestId('point-map');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('map not laid out');
  const tooltip = page.locator('.leaflet-tooltip');
  const offsets = [0, 2, -2, 4, -4, 6, -6, 8, -8];
  let x = 0;
  let y = 0;
  for (let step = 0; step < offsets.length ** 2 && !(await tooltip.isVisible()); step++) {
    x = box.x + box.width / 2 + (offsets[step % offsets.length] ?? 0);
    y = box.y + box.height / 2 + (offsets[Math.floor(step / offsets.length)] ?? 0);
    await page.mouse.move(x, y);
  }
  await expect(tooltip.locator('strong')).toContainText('__pwned(');
  await page.mouse.click(x, y);
  await expect(page.locator('.leaflet-popup-content')).toContainText('javascript:__pwned(31)');
  await guard.expectClean('the map');

  // File names: the navigation, the Workbench's file tree and the lineage graph.
  await expect(page.getByRole('navigation', { name: 'Reports' })).toContainText(
    'Hostile <img src=x onerror=__pwned(50)>',
  );
  await page.goto('/#/workbench');
  await expect(page.locator(`[data-path="${HOSTILE_FILE_NAME_SEED}"]`)).toBeVisible();
  await page.locator('[data-path="reports/hostile.md"]').click();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('code-editor')).toContainText('__pwned(');
  await page.goto('/#/lineage');
  await expect(page.getByTestId('lineage')).toContainText('x<svg onload=__pwned(71)>');
  await guard.expectClean('the Workbench and the lineage');

  // Addresses: a payload as the page name, and a path that is not valid percent-encoding.
  for (const hash of ['#/reports/%3Cimg%20src%3Dx%20onerror%3D__pwned(72)%3E', '#/reports/%E0%A4%A', '#/%']) {
    await page.goto(`/${hash}`);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  }
  await guard.expectClean('hostile addresses');
});
