import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';

// Journey 5 of docs/product.md: take the project, as edited, to dbt-core on DuckDB.
const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const STAGING_NODE = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const ORIGINAL = readFileSync(new URL(`../../${STAGING}`, import.meta.url), 'utf8');
const COMMENT = '-- exported as edited\n';
const EDITED = `${ORIGINAL}${COMMENT}`;

test('Export as dbt project downloads the edited project with every source as Parquet and its own test macros', async ({
  page,
}) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'ok');
  await page.locator(`[data-path="${STAGING}"]`).click();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  // At the end of the file (after its last newline), where the editor indents nothing.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(COMMENT);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.locator(`[data-path="${STAGING}"]`)).toHaveAccessibleName(/edited/);

  await page.getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as dbt project' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('nsw_schools-dbt.zip');
  await expect(page.getByText('Exported nsw_schools-dbt.zip.')).toBeVisible();

  const entries = unzipSync(readFileSync(await download.path()));
  const text = (path: string) => {
    const bytes = entries[`nsw_schools/${path}`];
    expect(bytes, path).toBeDefined();
    return strFromU8(bytes as Uint8Array);
  };
  expect(text(STAGING)).toBe(EDITED);
  expect(parse(text('dbt_project.yml'))).toMatchObject({ name: 'nsw_schools', profile: 'nsw_schools' });
  expect(parse(text('profiles.yml'))).toMatchObject({ nsw_schools: { outputs: { local: { type: 'duckdb' } } } });
  expect(text('README.md')).toContain('dbt build');
  expect(Object.keys(entries).some((path) => /^nsw_schools\/tests\/dbt\/generic\/.*\.sql$/.test(path))).toBe(true);
  expect(
    Object.values(entries)
      .map((bytes) => strFromU8(bytes))
      .join('\n'),
  ).toMatch(/\{%-?\s*test grain\(/);

  // Every source table points at a Parquet file that is in the zip.
  const locations = Object.entries(entries)
    .filter(([path]) => path.endsWith('.yml'))
    .flatMap(([, bytes]) => [...strFromU8(bytes).matchAll(/external_location:\s*['"]?([^'"\s]+)/g)].map((m) => m[1]));
  expect(locations.length).toBeGreaterThan(3);
  for (const location of locations) {
    const parquet = entries[`nsw_schools/${location as string}`];
    expect(parquet, location).toBeDefined();
    expect(strFromU8((parquet as Uint8Array).subarray(0, 4)), location).toBe('PAR1');
  }
});
