import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, guardPage, test } from './fixtures.ts';

// Issue 12, item 4: two tabs of the same site editing one project share its storage. A save in one reaches
// the other in place; a file changed in both at once is a conflict that is told, compared and chosen, and
// neither tab's text is lost.
const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const STAGING_NODE = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const ORIGINAL = readFileSync(new URL(`../../${STAGING}`, import.meta.url), 'utf8');
const MAPPING = "{{ text('Level_of_schooling') }} as level_of_schooling";
const withLevel = (level: string) =>
  ORIGINAL.replace(
    MAPPING,
    `replace({{ text('Level_of_schooling') }}, 'Primary School', '${level}') as level_of_schooling`,
  );
const SAVED_ELSEWHERE = withLevel('Primary');
const MINE = withLevel('Primary (mine)');
const THEIRS = withLevel('Primary (theirs)');

async function openStaging(page: Page): Promise<void> {
  await page.goto('/#/workbench');
  // The first build of each tab: two tabs share a busy 2-core machine.
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'ok');
  await page.locator(`[data-node="${STAGING_NODE}"]`).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', STAGING);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
}

/** Replace the open document's text the way a user pasting over it would. */
async function typeOver(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** The open file's text as the workbench holds it (the editor draws only the lines in view). */
async function compiledText(page: Page) {
  await page.getByRole('tab', { name: 'Compiled SQL' }).click();
  return page.getByTestId('compiled-sql');
}

/** The diff view shows the other tab's version on the left and this tab's on the right. */
async function expectDiff(page: Page, sides: { left: string; right: string }): Promise<void> {
  await expect(page.locator('[data-diff-state="ready"]')).toBeVisible();
  const diff = page.getByTestId('diff-view');
  await expect(diff.locator('.editor.original .view-lines')).toContainText(sides.left);
  await expect(diff.locator('.editor.modified .view-lines')).toContainText(sides.right);
}

const tabMark = (page: Page) => page.getByRole('tab', { name: /stg__nsw_doe_datansw__master_dataset\.sql/ });

test('a save in one tab reaches the other in place; a file changed in both is told, compared and chosen, losing nothing', async ({
  page,
  context,
  baseURL,
}) => {
  // Two tabs each boot DuckDB and build the project, then each builds again.
  test.setTimeout(240_000);
  // One clock for the context, so the test can hold back the debounced writes of typing (see below).
  await context.clock.install();
  // The clock's `performance` keeps no measures, and Monaco's input-latency sampler reads the duration of
  // the one it just made: give the fake's lookup an empty measure rather than nothing (harness only).
  await context.addInitScript(() => {
    const entries = performance.getEntriesByName.bind(performance);
    performance.getEntriesByName = (name, type) => {
      const found = entries(name, type);
      return found.length > 0 ? found : ([{ duration: 0 }] as unknown as ReturnType<typeof entries>);
    };
  });
  const other = await context.newPage();
  const checkOther = await guardPage({ page: other, baseURL });
  // A tab in the background has its timers throttled, as a user's would: each step brings its tab to the front.
  await page.bringToFront();
  await openStaging(page);
  await other.bringToFront();
  await openStaging(other);

  // The other tab saves an edit; this tab had no changes of its own, so it takes the new text in place.
  await typeOver(other, SAVED_ELSEWHERE);
  await other.keyboard.press('ControlOrMeta+S');
  await expect(other.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });
  await page.bringToFront();
  await expect(await compiledText(page)).toContainText("'Primary School', 'Primary')");
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAccessibleName(/edited/);
  await expect(tabMark(page)).not.toContainText('●');
  await expect(page.getByTestId('tab-conflicts')).toHaveCount(0);
  // ...and its next build builds the saved text.
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /Primary(?! School)/);
  await page.getByRole('link', { name: 'Workbench' }).click();
  await page.locator(`[data-node="${STAGING_NODE}"]`).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', STAGING);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();

  // Both tabs change the file at once: with the clock held, this tab's typing is not written yet when the
  // other tab saves (a save is written at once, not on a timer).
  await context.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await typeOver(page, MINE);
  await other.bringToFront();
  await typeOver(other, THEIRS);
  await other.keyboard.press('ControlOrMeta+S');

  // Each tab is told, naming the file, and keeps its own text.
  const conflict = page.getByTestId('tab-conflicts');
  await expect(conflict).toContainText(`${STAGING} was changed in another tab`);
  await expect(other.getByTestId('tab-conflicts')).toContainText(`${STAGING} was changed in another tab`);
  await context.clock.resume();
  // The other tab (in front) compares too: its own saved text beside this tab's, kept aside.
  await other
    .getByTestId('tab-conflicts')
    .getByRole('button', { name: "Compare with the other tab's version" })
    .click();
  await expectDiff(other, { left: 'Primary (mine)', right: 'Primary (theirs)' });
  await page.bringToFront();
  await expect(await compiledText(page)).toContainText('Primary (mine)');
  await expect(tabMark(page)).toContainText('●');

  // The two versions side by side: the other tab's on the left, this tab's on the right.
  await conflict.getByRole('button', { name: "Compare with the other tab's version" }).click();
  await expectDiff(page, { left: 'Primary (theirs)', right: 'Primary (mine)' });

  // Nothing is lost across a reload of the other tab: its saved text, and this tab's version kept aside.
  await other.bringToFront();
  await other.reload();
  await openStaging(other);
  await expect(await compiledText(other)).toContainText('Primary (theirs)');
  await expect(other.getByTestId('tab-conflicts')).toContainText(STAGING);
  await page.bringToFront();

  // Choosing this tab's version ends the conflict in both tabs; the other tab takes it in place, unsaved.
  await conflict.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(page.getByTestId('tab-conflicts')).toHaveCount(0);
  await expect(other.getByTestId('tab-conflicts')).toHaveCount(0);
  await expect(await compiledText(other)).toContainText('Primary (mine)');
  await expect(tabMark(other)).toContainText('●');
  checkOther();
});
