import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Issue 12, item 3: a runaway query is stopped from the page; a dead worker is restarted, the sources are
// loaded again and the project rebuilt, and nothing the user typed is lost.
const RUNAWAY = 'select count(*) as n from range(1000000000000)';

async function openScratch(page: Page): Promise<void> {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
}

async function runInScratch(page: Page, sql: string): Promise<void> {
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('ControlOrMeta+Enter');
}

test('Stop ends a runaway query, and the next query runs', async ({ page }) => {
  await openScratch(page);
  await runInScratch(page, RUNAWAY);
  // It runs for hours unless stopped: the Stop button is the only way this test ends.
  await expect(page.getByRole('button', { name: /Running…/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled' })).toHaveText(
    'Cancelled: the statement was stopped before it finished. The database is still usable.',
  );
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveCount(0);
  await runInScratch(page, 'select 6 * 7 as answer');
  await expect(page.getByTestId('results-grid').locator('.body [role="row"]').first()).toHaveText('42');
});

test('a worker that dies is started again: sources reloaded, project rebuilt, edits kept', async ({ page }) => {
  await openScratch(page);
  const edit = 'select 1 as kept_across_the_restart';
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(edit);

  // Kill the database worker from inside, as an uncaught fault would.
  const worker = page.workers().find((candidate) => /\/assets\/main-[^/]*\.js$/.test(candidate.url()));
  expect(worker, 'the database worker').toBeDefined();
  await worker?.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated fault');
    });
  });
  // The page notices at once: the worker is started again, and the whole project is rebuilt.
  const banner = page.locator('.restart');
  await expect(banner).toContainText('The database worker stopped');
  await expect(banner).toContainText('simulated fault');
  await expect(banner).toContainText(
    'The sources were loaded again (the bundled sample) and the project rebuilt. Your edits and settings are unchanged.',
    { timeout: 60_000 },
  );
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  // The typed text is still there, and the fresh database answers it and has every model again.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('results-grid').locator('.body [role="row"]').first()).toHaveText('1');
  await expect(
    page.getByTestId('results-grid').getByRole('columnheader', { name: /kept_across_the_restart/ }),
  ).toBeVisible();
  await page.goto('/#/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator('.restart')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.restart')).toHaveCount(0);
});
