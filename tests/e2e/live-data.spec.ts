import type { APIRequestContext, Page } from '@playwright/test';
import { parseCsv } from '../../src/core/sources/csv.ts';
import { SAMPLE_GENERATORS } from '../../src/sample/registry.ts';
import { expect, test } from './fixtures.ts';
import { PORTAL_PORT, PROXY_PORT } from './ports.ts';

const PORTAL = `http://127.0.0.1:${PORTAL_PORT}`;
const PROXY = `http://127.0.0.1:${PROXY_PORT}/?url={encodedUrl}`;
const MASTER =
  '/data/dataset/78c10ea3-8d04-4c9c-b255-bbf8547e37e7/resource/3e6d5f6a-055c-440d-a690-fc0537c31095/download/master_dataset.csv';
const RAM_2019 =
  '/data/dataset/3ea5010a-89bd-46bf-be2a-13c82cc0e1bb/resource/15087669-9982-4255-9e8a-b46a58ad9067/download/data-hub-2019-approved.csv';

// The mock portal sends no CORS header: Chromium reports each blocked direct download in the console.
test.use({ expectedConsoleErrors: /blocked by CORS policy|Failed to load resource: net::ERR_FAILED/ });

async function control(
  request: APIRequestContext,
  action: string,
  params: Record<string, string> = {},
): Promise<string> {
  const response = await request.get(`${PORTAL}/__control/${action}?${new URLSearchParams(params)}`);
  expect(response.ok()).toBe(true);
  return response.text();
}

async function openLive(page: Page, options: { proxy: boolean }): Promise<void> {
  const parameters = new URLSearchParams({ data: 'live', mirror: PORTAL, ...(options.proxy ? { proxy: PROXY } : {}) });
  await page.goto(`/?${parameters}#/sources`);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
}

const card = (page: Page, source: string) => page.locator(`[data-source="source.nsw_schools.${source}"]`);

test.describe('live data through our proxy to the portal', () => {
  test.beforeEach(async ({ request }) => {
    await control(request, 'reset');
  });

  test('every source downloads through the proxy when the portal blocks the browser', async ({ page }) => {
    await openLive(page, { proxy: true });
    const cards = page.locator('[data-source]');
    await expect(cards).toHaveCount(16);
    await expect(page.locator('[data-source][data-state="loaded"]')).toHaveCount(16);
    // The badge says the data is live and how fresh: the day its oldest file was fetched.
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString('en-AU', { day: 'numeric', month: 'short', year: 'numeric' }),
    );
    await expect(page.getByTestId('data-badge')).toHaveText(`Live data · fetched ${today}`);
    await expect(card(page, 'nsw_doe_datansw.master_dataset')).toContainText('2,216 rows loaded');
    await expect(card(page, 'nsw_doe_datansw.master_dataset')).toContainText(/proxy/i);
  });

  test('a drifted header and a bad value are reported, a broken source fails alone, the rest loads', async ({
    page,
    request,
  }) => {
    // Letter case drifts (read as the same column, with a warning); one latitude is impossible.
    await control(request, 'edit', { path: MASTER, find: ',Latitude,', replace: ',LATITUDE,' });
    const rows = parseCsv(String(SAMPLE_GENERATORS.master_dataset?.()[0]?.content));
    const firstLatitude = rows[1]?.[rows[0]?.indexOf('Latitude') ?? -1] ?? '';
    await control(request, 'edit', { path: MASTER, find: `,${firstLatitude},`, replace: ',-12.5,' });
    // A required column renamed: that source cannot load.
    await control(request, 'edit', { path: RAM_2019, find: 'School Code', replace: 'Schl Code' });
    await openLive(page, { proxy: true });

    const master = card(page, 'nsw_doe_datansw.master_dataset');
    // The school stays: only its impossible latitude is loaded as NULL, and the warning says so.
    await expect(master).toContainText('2,216 rows loaded · 0 quarantined');
    await expect(master).toContainText(
      'NSW public schools master dataset: 1 value of Latitude could not be used and was loaded as NULL',
    );
    await expect(master).toContainText('Latitude: -12.5 is outside');
    await expect(master).toContainText("read 'LATITUDE' as Latitude");
    const ram = card(page, 'nsw_doe_datansw.ram');
    await expect(ram.getByRole('alert')).toContainText(
      "data-hub-2019-approved.csv is missing required column School Code (closest: 'Schl Code'",
    );
    await expect(page.locator('[data-source][data-state="loaded"]')).toHaveCount(15);

    await page.goto(`/?${new URLSearchParams({ data: 'live', mirror: PORTAL, proxy: PROXY })}#/reports/schools`);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');
  });

  test('without a proxy the message says what happened and what to do', async ({ page }) => {
    await openLive(page, { proxy: false });
    const master = card(page, 'nsw_doe_datansw.master_dataset');
    await expect(master.getByRole('alert')).toContainText('did not answer this browser');
    await expect(master.getByRole('alert')).toContainText('Set a CORS proxy in Settings');
  });

  test.describe('when the portal fails a download', () => {
    test.use({
      expectedConsoleErrors:
        /blocked by CORS policy|Failed to load resource: (net::ERR_FAILED|the server responded with a status of 500)/,
    });

    test('a file loaded by hand replaces a download that failed', async ({ page, request }) => {
      await control(request, 'failure', { path: RAM_2019, status: '500' });
      await openLive(page, { proxy: true });
      const ram = card(page, 'nsw_doe_datansw.ram');
      await expect(ram.getByRole('alert')).toContainText('500');
      const sample = SAMPLE_GENERATORS.ram?.().find((file) => file.fileName === 'data-hub-2019-approved.csv');
      await ram.locator('input[type="file"]').setInputFiles({
        name: 'data-hub-2019-approved.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(String(sample?.content)),
      });
      await expect(ram).toHaveAttribute('data-state', 'loaded');
      await expect(ram).toContainText('from file');
      await expect(ram).toContainText(/rows loaded/);
    });
  });

  test('reloading the page uses the downloads kept in the browser', async ({ page, request }) => {
    await openLive(page, { proxy: true });
    const before = Number(await control(request, 'hits'));
    await page.reload();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.locator('[data-source][data-state="loaded"]')).toHaveCount(16);
    expect(Number(await control(request, 'hits'))).toBe(before);
  });
});

test('what the user typed survives loading a source and reloading the page', async ({ page }) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('select 42 as my_unsaved_work');

  await page.goto('/#/sources');
  const ram = page.locator('[data-source="source.nsw_schools.nsw_doe_datansw.ram"]');
  const sample = SAMPLE_GENERATORS.ram?.().find((file) => file.fileName === 'data-hub-2019-approved.csv');
  await ram.locator('input[type="file"]').setInputFiles({
    name: 'data-hub-2019-approved.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(String(sample?.content)),
  });
  await expect(ram).toContainText('from file');
  await expect(ram).toHaveAttribute('data-state', 'loaded');

  await page.goto('/#/workbench');
  await expect(page.getByTestId('code-editor')).toContainText('my_unsaved_work');
  await page.reload();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('code-editor')).toContainText('my_unsaved_work');
});
