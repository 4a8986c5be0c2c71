import type { Locator, Page } from '@playwright/test';
import { changedMasterDataset } from '../support/changed-master-dataset.ts';
import { expect, test } from './fixtures.ts';

// Three builds of the whole project (first visit, the loaded file, the reload) on a busy 2-core machine.
test.describe.configure({ timeout: 360_000 });
const ready = (page: Page) => expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 120_000 });
const tile = (page: Page, title: string) => page.getByTestId('big-value').filter({ hasText: title });
const changesTable = (page: Page) =>
  page.getByTestId('data-table').filter({ hasText: 'Every change, latest load first' });

/** The table's rows as their cells' text. */
async function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

test('the school snapshot keeps its history across loads: a changed extract loaded by hand shows what changed, and a reload keeps it', async ({
  page,
}) => {
  const changes = changedMasterDataset();

  // First visit: the bundled sample sets the baseline, one version per school and no change yet.
  await page.goto('/#/reports/school-changes');
  await ready(page);
  await expect(tile(page, 'Schools in the latest load')).toHaveAttribute('data-value', '2216');
  await expect(tile(page, 'Versions kept')).toHaveAttribute('data-value', '2216');
  await expect(changesTable(page).locator('caption')).toHaveText('0 rows');

  // A second load: the master dataset from a file, as the Sources page takes one by hand.
  await page.goto('/#/sources');
  const master = page.locator('[data-source="source.nsw_schools.nsw_doe_datansw.master_dataset"]');
  await master.locator('input[type="file"]').setInputFiles({
    name: 'master_dataset.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(changes.csv),
  });
  await expect(master).toContainText('from file');
  await expect(master).toHaveAttribute('data-state', 'loaded');
  await ready(page);

  await page.goto('/#/reports/school-changes');
  await ready(page);
  await expect(tile(page, 'Versions kept')).toHaveAttribute('data-value', String(2216 + 2 + 1 + 3));
  await expect(changesTable(page).locator('caption')).toHaveText('6 rows');
  const expected = [
    ['opened', changes.opened.code, changes.opened.name, 'first in the extract'],
    ...changes.closed.map((school) => ['closed', school.code, school.name, 'no longer in the extract']),
    ['renamed', changes.renamed.code, changes.renamed.to, `was ${changes.renamed.from}`],
    ['moved', changes.moved.code, changes.moved.name, 'from '],
    ['moved', changes.relocated.code, changes.relocated.name, `→ ${changes.relocated.lga}`],
  ];
  const rows = await rowsOf(changesTable(page));
  for (const [change, code, name, detail] of expected)
    expect(
      rows.some(
        (row) => row[1] === change && row[2] === code && row[3] === name && (row[5] ?? '').includes(detail ?? ''),
      ),
      `${change} ${code} ${name}`,
    ).toBe(true);

  // A reload builds again (from the sample: a file loaded by hand stands for one load); the history is the
  // browser's, so every change above is still listed, and the return to the sample adds its own changes.
  await page.reload();
  await ready(page);
  await expect(tile(page, 'Loads that changed something')).toHaveAttribute('data-value', '3');
  const after = await rowsOf(changesTable(page));
  for (const row of rows) expect(after).toContainEqual(row);
  expect(after.length).toBeGreaterThan(rows.length);
});
