import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const SQL = "select range as n, 'row ' || range as label, range % 7 = 0 as sevens from range(100000)";

test('the results grid scrolls 100,000 rows with only those in view drawn, sorts, and downloads CSV and Parquet', async ({
  page,
}) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(SQL);
  await page.keyboard.press('ControlOrMeta+Enter');

  const grid = page.getByTestId('results-grid');
  const rows = grid.locator('.body [role="row"]');
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  await expect(page.getByText('100,000 rows · 3 columns')).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /n\s*BIGINT/ })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /sevens\s*BOOLEAN/ })).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  await expect(rows.first().getByRole('gridcell')).toHaveText(['0', 'row 0', 'true']);

  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(grid.locator('[aria-rowindex="100001"]').getByRole('gridcell')).toHaveText([
    '99,999',
    'row 99999',
    'false',
  ]);
  expect(await rows.count()).toBeLessThan(80);

  const header = grid.getByRole('columnheader', { name: /^n/ });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await grid.evaluate((element) => (element.scrollTop = 0));
  await expect(grid.locator('[aria-rowindex="2"]').getByRole('gridcell')).toHaveText(['99,999', 'row 99999', 'false']);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('scratch_query.csv');
  const text = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.startsWith('n,label,sevens\n0,row 0,true\n1,row 1,false\n')).toBe(true);
  expect(text.trimEnd().split('\n')).toHaveLength(100_001);

  const [parquet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Parquet' }).click(),
  ]);
  expect(parquet.suggestedFilename()).toBe('scratch_query.parquet');
  const bytes = readFileSync((await parquet.path()) ?? '');
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
  expect(bytes.subarray(-4).toString('latin1')).toBe('PAR1');
});
