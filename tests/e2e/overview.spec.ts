import { expect, test } from './fixtures.ts';

test('the Overview is the landing page: a tile per headline metric with its latest value, change, history and definition', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'NSW public education at a glance' })).toBeVisible();
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);

  const tiles = page.getByTestId('big-value');
  await expect(tiles).toHaveCount(8);
  for (const title of ['Schools', 'Enrolments (FTE)', 'Funding (RAM, after adjustments)', 'Attendance rate']) {
    await expect(page.getByRole('region', { name: title, exact: true })).toBeVisible();
  }

  // The schools tile shows the fact's own count in its latest year, read independently through the editor.
  const schools = page.getByRole('region', { name: 'Schools', exact: true });
  const shown = Number((await schools.locator('.value').textContent())?.replaceAll(',', ''));
  await page.goto('/#/workbench');
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    "select sum(school_cnt) as n, count(distinct calendar_year) as years from {{ ref('fct__school') }} where calendar_year = (select max(calendar_year) from {{ ref('fct__school') }})",
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  const cell = page.getByTestId('results-grid').locator('.body [role="row"]').first().getByRole('gridcell').first();
  await expect(cell).toHaveText(/\d/);
  expect(shown).toBeGreaterThan(2000);
  expect(shown).toBe(Number((await cell.textContent())?.replaceAll(',', '')));

  await page.goto('/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  // Change on the year before, a sparkline over the years, and the definition on hover and for screen readers.
  const funding = page.getByRole('region', { name: 'Funding (RAM, after adjustments)' });
  await expect(funding.locator('.value')).toHaveText(/^\$[\d,.]+M$/);
  await expect(funding.getByTestId('big-value-change')).toHaveText(/^[▲▼]? ?-?\$[\d,.]+M? vs previous year$/);
  await expect(funding.getByRole('img')).toHaveAttribute('aria-label', /over time: 20\d\d: \$.*, 20\d\d: \$/);
  await expect(funding).toHaveAttribute('title', /after adjustments, summed over schools/);
  await expect(page.getByRole('region', { name: 'Attendance rate' })).toHaveAttribute('title', /average of averages/);
  await expect(page.getByRole('region', { name: 'Attendance rate' }).locator('.value')).toHaveText(/^\d{1,3}\.\d%$/);

  // A line of enrolments by year, with a table fallback, and the page's sources stated.
  await expect(page.getByTestId('line-chart')).toHaveAttribute('data-line-count', '1');
  await page.getByText('Show as a table').click();
  await expect(page.locator('.as-table tbody tr').first()).toHaveText(/^20\d\d[\d,]+$/);
  await expect(page.getByText(/NSW Department of Education.*CC BY 4\.0.*ACARA/)).toBeVisible();
});
