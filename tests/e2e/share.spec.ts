import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { LOCAL_HOSTS } from './ports.ts';

// Journey 3 of docs/product.md: pick a filter, share the page, open the link somewhere else.
const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const STAGING_NODE = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const ORIGINAL = readFileSync(new URL(`../../${STAGING}`, import.meta.url), 'utf8');
const EDITED = ORIGINAL.replace(
  "{{ text('Level_of_schooling') }} as level_of_schooling",
  "replace({{ text('Level_of_schooling') }}, 'Primary School', 'Primary') as level_of_schooling",
);

/**
 * A second browser, as the person the link was sent to: a context of its own (no storage shared with the
 * sender), held to the same rules as every test page — local hosts only, no console errors. It records the
 * requests it makes, so a test can prove nothing ran.
 */
async function recipient(browser: Browser, baseURL: string | undefined) {
  const context: BrowserContext = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const local = new Set([new URL(baseURL ?? 'http://127.0.0.1').host, ...LOCAL_HOSTS]);
  const foreign: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.pathname);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || local.has(url.host)) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return {
    page,
    requests,
    async close() {
      await context.close();
      expect(foreign, 'requests to non-local hosts').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
  };
}

/** Wait for the stack to boot and build (a cold build on a busy 2-core machine can pass 20 s). */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
}

/** Open the staging model in the Workbench, type the text over it and save, and wait for the rebuild. */
async function saveStagingEdit(page: Page, text: string): Promise<void> {
  await page.goto('/#/workbench');
  await ready(page);
  await page.locator(`[data-node="${STAGING_NODE}"]`).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', STAGING);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });
}

/** Press Share and read the link it hands out. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/#\/reports\/schools\?state=v1\./);
  return field.inputValue();
}

test('a shared link opens the same page with the same input in a fresh browser', async ({ page, browser, baseURL }) => {
  await page.goto('/#/reports/schools');
  await ready(page);
  await page.getByLabel('Level of schooling', { exact: true }).selectOption({ label: 'Secondary School' });
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '1');
  const link = await shareLink(page);
  await expect(page.getByRole('region', { name: 'Share this page' })).toContainText(
    'it opens this page with these inputs',
  );
  expect(link.startsWith(new URL('/', baseURL).href)).toBe(true);

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  await ready(other.page);
  await expect(other.page.getByRole('link', { name: 'Schools' })).toHaveAttribute('aria-current', 'page');
  await expect(other.page.getByLabel('Level of schooling', { exact: true })).toHaveValue('string:Secondary School');
  await expect(other.page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '1');
  await expect(other.page.getByTestId('shared-edits')).toHaveCount(0);
  await other.close();
});

test('a link carrying edits asks first: nothing runs until the recipient reviews and applies them', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // Two browsers, each booting the engine and building the project.
  expect(EDITED).not.toBe(ORIGINAL);
  await saveStagingEdit(page, EDITED);
  await page.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary(?! School)/);
  const link = await shareLink(page);
  await expect(page.getByRole('region', { name: 'Share this page' })).toContainText('your edits to 1 file');

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  const gate = other.page.getByTestId('shared-edits');
  await expect(gate).toBeVisible();
  await expect(gate).toContainText(STAGING);
  await expect(gate.getByRole('heading', { name: 'This link carries edits to the project' })).toBeFocused();
  // Nothing has run: the engine was never fetched and no report is drawn.
  await expect(other.page.locator('.app')).toHaveAttribute('data-app-state', 'loading');
  expect(other.requests.filter((path) => path.endsWith('.wasm'))).toEqual([]);
  await expect(other.page.getByTestId('bar-chart')).toHaveCount(0);

  await gate.getByRole('button', { name: 'Review the changes' }).click();
  const diff = gate.getByTestId('diff-view');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.editor.modified .view-lines')).toContainText("'Primary School', 'Primary'");
  expect(other.requests.filter((path) => path.endsWith('.wasm'))).toEqual([]);

  await gate.getByRole('button', { name: 'Apply the edits' }).click();
  await expect(gate).toHaveCount(0);
  await ready(other.page);
  await expect(other.page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary(?! School)/);
  // Applied edits are the recipient's own now: they stay after a reload of the plain page.
  await other.page.goto('/#/reports/schools');
  await ready(other.page);
  await expect(other.page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary(?! School)/);
  await other.close();
});

test('ignoring a link’s edits opens the bundled project; edits of the recipient’s own need a second yes', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // Two browsers; the recipient boots and builds three times.
  // The sender's link: the same staging edit.
  await saveStagingEdit(page, EDITED);
  await page.getByRole('link', { name: 'Schools' }).click();
  const link = await shareLink(page);

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  await other.page.getByTestId('shared-edits').getByRole('button', { name: 'Open without them' }).click();
  await ready(other.page);
  // The address keeps the page and its inputs, not the edits: a reload opens the page without asking again.
  await expect(other.page).toHaveURL(/state=v1\./);
  expect(other.page.url()).not.toBe(link);
  await other.page.reload();
  await ready(other.page);
  await expect(other.page.getByTestId('shared-edits')).toHaveCount(0);
  await expect(other.page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary School/);

  // The recipient edits the same file their own way, then opens the link again.
  await saveStagingEdit(other.page, `-- mine\n${ORIGINAL}`);

  await other.page.goto('about:blank');
  await other.page.goto(link);
  const gate = other.page.getByTestId('shared-edits');
  await expect(gate).toContainText('you have edits of your own to this file');
  await gate.getByRole('button', { name: 'Apply the edits' }).click();
  await expect(gate.getByRole('alert')).toContainText(`Applying replaces your own edits to ${STAGING}`);
  await gate.getByRole('button', { name: 'Back' }).click();
  await gate.getByRole('button', { name: 'Open without them' }).click();
  await ready(other.page);
  // Their own edit is still there.
  await other.page.goto('/#/workbench');
  await other.page.locator(`[data-node="${STAGING_NODE}"]`).click();
  await expect(other.page.locator('[data-editor-state="ready"]')).toBeVisible();
  await expect(other.page.getByTestId('code-editor').locator('.view-lines')).toContainText('-- mine');
  await other.close();
});

test('a link whose state cannot be read says so and still opens the page', async ({ page }) => {
  await page.goto('/#/reports/schools?state=v9.not-a-real-link');
  await ready(page);
  await expect(page.getByRole('alert')).toContainText("This link's saved state could not be read");
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');
});

test('edits too big for a link: Share says so, with the size, and hands out the project as a zip instead', async ({
  page,
}) => {
  test.slow(); // A cold build, then a rebuild after the edit.
  // Text that does not compress (a fixed pseudo-random sequence), so the link would pass the limit.
  let seed = 42;
  const noise = Array.from({ length: 24_000 }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed % 36).toString(36);
  }).join('');
  await saveStagingEdit(page, `-- ${noise}\n${ORIGINAL}`);
  await page.goto('/#/reports/schools');
  await ready(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Share this page' });
  await expect(panel.getByRole('alert')).toHaveText(
    /^This link would be [\d,]+ characters, over the 8,000 a link can safely carry with your edits to 1 file\. Export the project as a zip and send that instead\.$/,
  );
  await expect(page.getByTestId('share-url')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export project (.zip)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync(await file.path())));
  const edited = Object.entries(zip).find(([path]) => path.endsWith(STAGING))?.[1];
  expect(edited && strFromU8(edited).startsWith(`-- ${noise}\n`)).toBe(true);
});
