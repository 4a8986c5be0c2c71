import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// The Schools map draws every school on one canvas layer: the point under the pointer is found through a
// grid, a click opens its popup, and the same rows are reachable by keyboard as a table.

async function openSchoolsMap(page: Page): Promise<Locator> {
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const map = page.getByTestId('point-map');
  await expect(map).toHaveAttribute('data-marker-count', /[1-9]/);
  await map.scrollIntoViewIfNeeded();
  return map;
}

/** Sweep the pointer over the map until a point answers with its tooltip; returns where it answered. */
async function findPoint(page: Page, map: Locator): Promise<{ x: number; y: number }> {
  const box = await map.boundingBox();
  if (!box) throw new Error('map not laid out');
  const tooltip = page.locator('.leaflet-tooltip');
  const grid = 24;
  for (let step = 0; step < grid * grid; step++) {
    const x = box.x + (box.width * ((step % grid) + 0.5)) / grid;
    const y = box.y + (box.height * (Math.floor(step / grid) + 0.5)) / grid;
    await page.mouse.move(x, y);
    if (await tooltip.isVisible()) return { x, y };
  }
  throw new Error('no point answered the pointer');
}

test('a click on a school opens its popup, labelled, with the name the tooltip showed', async ({ page }) => {
  const map = await openSchoolsMap(page);
  const at = await findPoint(page, map);
  const name = await page.locator('.leaflet-tooltip strong').textContent();
  expect(name?.trim()).toBeTruthy();
  await page.mouse.click(at.x, at.y);
  const popup = page.locator('.leaflet-popup-content');
  await expect(popup.locator('strong')).toHaveText(name ?? '');
  await expect(popup.locator('dt')).toContainText(['town suburb', 'level of schooling']);
  await expect(popup.locator('dd').first()).toHaveText(/\S/);
});

test('the map is named for assistive technology and its points are reachable by keyboard as a table', async ({
  page,
}) => {
  const map = await openSchoolsMap(page);
  const count = Number(await map.getAttribute('data-marker-count'));
  await expect(
    page.getByRole('region', { name: `Map of ${count.toLocaleString('en-AU')} points, coloured by colour` }),
  ).toBeVisible();
  const summary = page.getByText(`The ${count.toLocaleString('en-AU')} points as a table`);
  await summary.focus();
  await page.keyboard.press('Enter');
  const table = page.locator('.points-table').getByTestId('data-table');
  await expect(table).toContainText(`${count.toLocaleString('en-AU')} rows`);
  await expect(table.getByRole('columnheader', { name: /school_name/ })).toBeVisible();
  await table.getByPlaceholder('Search').fill('zzzz-no-such-school');
  await expect(table).toContainText('No rows match');
});
