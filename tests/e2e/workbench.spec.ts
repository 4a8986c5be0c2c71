import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Journey 2 of docs/product.md: change a staging model and watch that one change travel to a chart.
const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const STAGING_NODE = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const UNRELATED_NODE = 'model.nsw_schools.stg__acara__staff_numbers';
const LEVEL_TEST = '[data-node^="test.nsw_schools.accepted_values_dim__school_level_of_schooling"]';
const ORIGINAL = readFileSync(new URL(`../../${STAGING}`, import.meta.url), 'utf8');
const MAPPING = "{{ text('Level_of_schooling') }} as level_of_schooling";
const EDITED = ORIGINAL.replace(
  MAPPING,
  "replace({{ text('Level_of_schooling') }}, 'Primary School', 'Primary') as level_of_schooling",
);

async function openWorkbench(page: Page): Promise<void> {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'ok');
}

/** Replace the open document's text the way a user pasting over it would. */
async function typeOver(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('code-editor');
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** The open file compiled, as the Compiled SQL panel shows it (the editor draws only the lines in view). */
async function compiledText(page: Page) {
  await page.getByRole('tab', { name: 'Compiled SQL' }).click();
  return page.getByTestId('compiled-sql');
}

test('a staging edit rebuilds only its downstream, fails a test with its rows, redraws the chart, and survives a reload', async ({
  page,
}) => {
  expect(EDITED).not.toBe(ORIGINAL);
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  // The chart's description arrives once ECharts has loaded, a moment after the app is ready.
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary School/);

  await openWorkbench(page);
  await page.locator(`[data-node="${STAGING_NODE}"]`).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', STAGING);
  await typeOver(page, EDITED);
  await expect(page.getByRole('tab', { name: /stg__nsw_doe_datansw__master_dataset\.sql/ })).toContainText('●');
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'stale');

  await page.keyboard.press('ControlOrMeta+S');
  const status = page.getByTestId('build-status');
  await expect(status).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });
  const counts = /Built (\d+) of (\d+)/.exec((await status.textContent()) ?? '');
  const built = Number(counts?.[1]);
  const total = Number(counts?.[2]);
  expect(built).toBeGreaterThan(1);
  expect(built).toBeLessThan(total);

  // It and its downstream rebuilt; a node that does not read it kept its status and was not in the log.
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'ok');
  await expect(page.locator(`[data-node="${UNRELATED_NODE}"]`)).toHaveAttribute('data-status', 'ok');
  await page.getByRole('tab', { name: 'Build log' }).click();
  const log = page.getByTestId('dbt-log');
  await expect(log).toContainText('stg__nsw_doe_datansw__master_dataset');
  await expect(log).toContainText('dim__school');
  await expect(log).not.toContainText('stg__acara__staff_numbers');
  expect((await log.textContent())?.trim().split('\n')).toHaveLength(built);

  // The accepted-values test on dim__school now fails, and shows the rows that broke it.
  await expect(page.locator(LEVEL_TEST).first()).toHaveAttribute('data-status', 'error');
  await expect(log).toContainText(/FAIL \d+ accepted_values_dim__school_level_of_schooling/);
  const testRow = page.locator(`[data-testid="build-log"] tr${LEVEL_TEST}`);
  await testRow.getByRole('button', { name: /failing row/ }).click();
  await expect(page.locator('[data-testid="build-log"] tr.detail')).toContainText('Primary');

  // The report re-renders from the new tables, without a reload.
  await page.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary(?! School)/);
  expect(await page.getByTestId('bar-chart').getAttribute('aria-label')).not.toContain('Primary School');

  // The edit survives a reload; a diff and a reset are one click away.
  await page.reload();
  await openWorkbench(page); // the first build after a reload builds the saved edit
  const item = page.locator(`[data-node="${STAGING_NODE}"]`);
  await expect(item).toHaveAccessibleName(/edited/);
  await item.click();
  await expect(await compiledText(page)).toContainText("'Primary School', 'Primary'");
  await expect(page.locator(LEVEL_TEST).first()).toHaveAttribute('data-status', 'error');
  await page.getByRole('button', { name: 'Diff' }).click();
  await expect(page.locator('[data-diff-state="ready"]')).toBeVisible();
  const diff = page.getByTestId('diff-view');
  await expect(diff.locator('.editor.original .view-lines')).toContainText('as level_of_schooling');
  await expect(diff.locator('.editor.original .view-lines')).not.toContainText("'Primary'");
  await expect(diff.locator('.editor.modified .view-lines')).toContainText("'Primary School', 'Primary'");

  await page.getByRole('button', { name: 'Reset this file' }).click();
  await expect(status).toContainText(/Built \d+ of \d+ nodes/);
  await expect(page.locator(LEVEL_TEST).first()).toHaveAttribute('data-status', 'ok');
  await expect(item).not.toHaveAccessibleName(/edited/);
  await expect(await compiledText(page)).toContainText(
    'nullif(trim("Level_of_schooling"), \'\') as level_of_schooling',
  );
  await expect(await compiledText(page)).not.toContainText("'Primary'");
});

test('a SQL syntax error is underlined at its line, and a broken template is refused with its line', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.locator(`[data-node="${STAGING_NODE}"]`).click();
  const lines = ORIGINAL.split('\n');
  const fromLine = lines.findIndex((line) => line.trim() === 'from source') + 1;
  expect(fromLine).toBeGreaterThan(1);
  await typeOver(page, lines.map((line, index) => (index === fromLine - 1 ? 'fro source' : line)).join('\n'));
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-marker-lines', String(fromLine));
  await expect(page.getByTestId('code-editor').locator('.squiggly-error').first()).toBeAttached();
  await expect(page.getByTestId('problems')).toContainText(`${STAGING}:${fromLine}`);
  await expect(page.getByTestId('problems')).toContainText(/syntax error/i);

  // A Jinja error stops the project from loading: the save is refused, the text kept, the line marked.
  const braceLine = lines.findIndex((line) => line.includes(MAPPING)) + 1;
  await typeOver(
    page,
    lines.map((line, index) => (index === braceLine - 1 ? line.replace('}}', '') : line)).join('\n'),
  );
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('build-status')).toContainText('Not saved');
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-marker-lines', new RegExp(`\\b${braceLine}\\b`));
  await expect(page.getByRole('tab', { name: /stg__nsw_doe_datansw__master_dataset\.sql/ })).toContainText('●');
});

test('a report edit re-renders its page; the project exports as a zip and imports back after a reset', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.locator('[data-path="reports/schools.md"]').click();
  const report = readFileSync(new URL('../../reports/schools.md', import.meta.url), 'utf8');
  await typeOver(page, report.replace('# NSW public schools', '# Schools of New South Wales'));
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('build-status')).toContainText('Nothing changed since the last build');
  await page.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByRole('heading', { name: 'Schools of New South Wales' })).toBeVisible();

  await page.getByRole('link', { name: 'Workbench' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project (.zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('nsw_schools.zip');
  const archive = await download.path();

  await page.getByRole('button', { name: 'Reset all' }).click();
  await page.getByRole('button', { name: 'Reset all' }).last().click();
  await expect(page.locator('[data-path="reports/schools.md"]')).not.toHaveAccessibleName(/edited/);

  await page.getByTestId('import-project').setInputFiles(archive);
  await expect(page.getByRole('alertdialog', { name: 'Import a project' })).toContainText(
    /Replace the project with the \d+ files/,
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Imported \d+ files from/)).toBeVisible();
  await expect(page.locator('[data-path="reports/schools.md"]')).toHaveAccessibleName(/edited/);

  // A file that is not a project is refused in plain words, and nothing changes.
  await page
    .getByTestId('import-project')
    .setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.zip' })).toContainText(
    'notes.zip: This file is not a zip archive',
  );
  await expect(page.locator('[data-path="reports/schools.md"]')).toHaveAccessibleName(/edited/);
});
