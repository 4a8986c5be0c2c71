import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// The first visit builds the whole project: on a busy 2-core machine that can take longer than the default wait.
test.describe.configure({ timeout: 120_000 });
const ready = (page: Page) => expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });

test('every report page of the original renders, with no problem shown, and states its sources', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await ready(page);
  const links = page.getByRole('navigation', { name: 'Reports' }).getByRole('link');
  // The landing page comes first, then the pages in their sidebar_position order.
  await expect(links).toHaveText([
    'Overview',
    'Schools',
    'Funding',
    'Attendance',
    'Enrolments and retention',
    'Class sizes',
    'Composite classes',
    'Staff and students',
    'Apprenticeships and traineeships',
    'Metrics',
    'Data quality',
    'Funding model',
    'School changes',
  ]);
  for (const name of await links.allTextContents()) {
    await links.getByText(name, { exact: true }).click();
    await expect(links.getByText(name, { exact: true })).toHaveAttribute('aria-current', 'page');
    await ready(page);
    const report = page.locator('.report');
    // Every component has drawn (no placeholder left) and none shows a problem in its place.
    await expect(report.locator('.placeholder')).toHaveCount(0);
    await expect(report.locator('[role="alert"]')).toHaveCount(0);
    await expect(report.locator('section.component').first()).toBeVisible();
    await expect(report.getByText(/^Sources?: .*CC BY/)).toBeVisible();
  }
});

test('funding: components stacked by year with the COVID-19 years marked, and a table to sort, search and page', async ({
  page,
}) => {
  await page.goto('/#/reports/funding');
  await ready(page);
  const bars = page.getByTestId('bar-chart').first();
  await expect(bars).toHaveAttribute('data-series-count', '2');
  await expect(bars).toHaveAttribute('data-stacked', 'true');
  await expect(bars).toHaveAttribute('data-references', '1');
  await expect(page.getByTestId('line-chart')).toHaveAttribute('data-references', '1');
  await expect(page.getByTestId('histogram')).not.toHaveAttribute('data-bin-count', '0');
  await expect(page.getByTestId('alert').first()).toContainText('only the original allocation');

  const table = page.getByTestId('data-table');
  const firstSchool = () => table.locator('tbody tr').first().locator('td').first().textContent();
  await expect(table.locator('caption')).toHaveText(/^[\d,]+ rows, 1–15 shown$/);
  await expect(table.getByTestId('page-of')).toHaveText(/^Page 1 of \d+$/);
  await expect(table.getByTestId('total-row')).toContainText(/^Total/);
  await expect(table.getByTestId('total-row')).toContainText(/\$[\d,]+/);

  // Sorting by a heading, then again for the other way.
  const byName = table.getByRole('button', { name: 'School', exact: true });
  await byName.click();
  await expect(table.getByRole('columnheader', { name: /School/ }).first()).toHaveAttribute('aria-sort', 'ascending');
  const first = await firstSchool();
  await byName.click();
  await expect(table.getByRole('columnheader', { name: /School/ }).first()).toHaveAttribute('aria-sort', 'descending');
  expect(await firstSchool()).not.toBe(first);
  expect([first, await firstSchool()].every((name) => name && name.length > 0)).toBe(true);

  // Paging, then a search that narrows to matching rows and starts again on page 1.
  await table.getByRole('button', { name: 'Next page' }).click();
  await expect(table.getByTestId('page-of')).toHaveText(/^Page 2 of \d+$/);
  await table.getByRole('searchbox').fill('high');
  await expect(table.locator('caption')).toHaveText(/^[\d,]+ of [\d,]+ rows match/);
  const rows = await table.locator('tbody tr td:first-child').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const name of rows) expect(name.toLowerCase()).toContain('high');
});

test('attendance states the average-of-averages caveat, and plots schools against ICSEA', async ({ page }) => {
  await page.goto('/#/reports/attendance');
  await ready(page);
  await expect(page.getByTestId('alert').first()).toContainText('An average of averages');
  await expect(page.getByTestId('line-chart')).not.toHaveAttribute('data-series-count', '0');
  await expect(page.getByTestId('scatter-plot')).not.toHaveAttribute('data-point-count', '0');
  const details = page.getByTestId('details');
  await expect(details.getByText(/Index of Community Socio-Educational Advantage/)).toBeHidden();
  await details.getByText('What is ICSEA?').click();
  await expect(details.getByText(/Index of Community Socio-Educational Advantage/)).toBeVisible();
});

test('the data quality page reads the last build: every test and every source', async ({ page }) => {
  await page.goto('/#/reports/data-quality');
  await ready(page);
  const tables = page.getByTestId('data-table');
  // Sixteen sources, each with its rows loaded and when it was fetched.
  await expect(tables.nth(1).locator('caption')).toHaveText('16 rows');
  await expect(tables.nth(1).locator('tbody')).toContainText('nsw_doe_datansw.master_dataset');
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /pass/);
});

test('"How is this calculated?" on a tile shows its definition, SQL and everything upstream, and opens any of it', async ({
  page,
}) => {
  await page.goto('/');
  await ready(page);
  const tile = page.getByRole('region', { name: 'Schools', exact: true }).locator('..');
  await tile.getByRole('button', { name: 'How is this calculated?' }).click();
  const panel = tile.getByTestId('how-calculated');
  // The metric's own definition from the semantic layer, and the query that reads it.
  await expect(panel.locator('.metrics')).toContainText('school_count');
  await expect(panel.locator('.metrics')).toContainText('Number of schools in the master dataset.');
  await expect(panel).toContainText('Defined in models/metrics/_metrics.yml');
  await expect(panel).toContainText('from metrics__metrics_by_year');
  const upstream = panel.locator('.upstream li');
  const names = await upstream.locator('button').allTextContents();
  // Sources come before the models that read them, and the chain ends at what the query reads.
  expect(names).toContain('nsw_doe_datansw.master_dataset');
  expect(names.indexOf('nsw_doe_datansw.master_dataset')).toBeLessThan(names.indexOf('fct__school'));
  expect(names.at(-1)).toBe('metrics__metrics_by_year');
  // Only what the schools metric is built from: not the other facts the metrics table also reads.
  expect(names).not.toContain('fct__resource_allocation');
  expect(names).not.toContain('acara.staff_numbers');
  await upstream.getByRole('button', { name: 'fct__school', exact: true }).click();
  await expect(page).toHaveURL(/#\/workbench$/);
  await expect(page.getByTestId('code-editor')).toContainText('school_cnt');
});

test('the Overview links on to the fact pages with LinkButtons', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const button = page.getByTestId('link-button').filter({ hasText: 'Every metric by year' });
  await expect(button).toHaveAttribute('href', '#/reports/metrics');
  await button.click();
  await expect(page.getByRole('heading', { name: 'Metrics', level: 1 })).toBeVisible();
  await ready(page);
  // The metric picker drives the chart: pick another metric, and the line is drawn for it.
  // It starts on the school count: whole numbers in the thousands, no rates.
  const line = page.getByTestId('line-chart');
  await expect(line).toHaveAttribute('aria-label', /\b2,?\d{3}\b/);
  await expect(line).not.toHaveAttribute('aria-label', /\b0\.[89]\d/);
  await page.getByRole('combobox', { name: 'Metric' }).selectOption({ label: 'Attendance rate (mean of schools)' });
  // Attendance rates are fractions between 0.8 and 1 in every year of the sample.
  await expect(line).toHaveAttribute('aria-label', /\b0\.[89]\d/);
});
