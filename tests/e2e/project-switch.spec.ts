import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateEdtechTables } from '../../src/sample/edtech/generate-edtech.ts';
import { expect, test } from './fixtures.ts';

// Issue 14, item 4: two projects in one app, each with its own edits, switched from the header's picker.
const NSW_FILE = 'models/marts/fct__retention.sql';
const NSW_MARK = '-- kept in the NSW project across switches';
const EDTECH_FILE = 'models/marts/dim__course.sql';
const EDTECH_MARK = '-- kept in the EdTech project across switches';
const EDTECH_UNSAVED = 'models/staging/stg__edtech__students.sql';
const EDTECH_TYPED = '-- typed in EdTech, never saved';
const NSW_TEXT = readFileSync(new URL(`../../${NSW_FILE}`, import.meta.url), 'utf8');
const EDTECH_TEXT = readFileSync(new URL(`../../projects/edtech/${EDTECH_FILE}`, import.meta.url), 'utf8');
const EDTECH_UNSAVED_TEXT = readFileSync(new URL(`../../projects/edtech/${EDTECH_UNSAVED}`, import.meta.url), 'utf8');

/** The project tree's button for a file (its accessible name says "edited" or "unsaved changes"). */
const treeFile = (page: Page, path: string) => page.locator(`.tree [data-path="${path}"]`);

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

/** Pick a project in the header and wait for its Workbench to be built. */
async function switchTo(page: Page, id: 'nsw' | 'edtech'): Promise<void> {
  await page.getByRole('combobox', { name: 'Project' }).selectOption(id);
  await page.waitForURL(id === 'nsw' ? /\/#\/workbench$/ : /\?project=edtech#\/workbench$/);
  await ready(page);
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(id);
}

/** Open a file and replace its text as a user pasting over it would. */
async function typeOver(page: Page, path: string, text: string): Promise<void> {
  await treeFile(page, path).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', path);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

async function saveAndBuild(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/);
}

/** The open file's text as compiled (the editor draws only the lines in view). */
async function compiled(page: Page, path: string) {
  await treeFile(page, path).click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', path);
  await page.getByRole('tab', { name: 'Compiled SQL' }).click();
  return page.getByTestId('compiled-sql');
}

test('switching to the EdTech project and back keeps each project’s saved and unsaved edits to itself', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto('/#/workbench');
  await ready(page);
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('nsw');
  await typeOver(page, NSW_FILE, `${NSW_TEXT.trimEnd()}\n${NSW_MARK}\n`);
  await saveAndBuild(page);
  await expect(treeFile(page, NSW_FILE)).toHaveAccessibleName(/edited$/);

  // EdTech: its own files (no NSW model in its tree), an edit saved and built, and one typed but not saved.
  await switchTo(page, 'edtech');
  await expect(treeFile(page, EDTECH_FILE)).toHaveAttribute('data-status', 'ok');
  await expect(treeFile(page, NSW_FILE)).toHaveCount(0);
  await expect(treeFile(page, EDTECH_FILE)).not.toHaveAccessibleName(/edited/);
  await typeOver(page, EDTECH_FILE, `${EDTECH_TEXT.trimEnd()}\n${EDTECH_MARK}\n`);
  await saveAndBuild(page);
  await expect(treeFile(page, EDTECH_FILE)).toHaveAccessibleName(/edited$/);
  await expect(treeFile(page, EDTECH_FILE)).toHaveAttribute('data-status', 'ok');
  await typeOver(page, EDTECH_UNSAVED, `${EDTECH_UNSAVED_TEXT.trimEnd()}\n${EDTECH_TYPED}\n`);
  await expect(treeFile(page, EDTECH_UNSAVED)).toHaveAccessibleName(/unsaved changes$/);

  // Back to NSW: its edit is there, built; nothing of EdTech's is.
  await switchTo(page, 'nsw');
  await expect(treeFile(page, NSW_FILE)).toHaveAccessibleName(/, ok, edited$/);
  await expect(treeFile(page, EDTECH_FILE)).toHaveCount(0);
  const nsw = await compiled(page, NSW_FILE);
  await expect(nsw).toContainText(NSW_MARK);
  await expect(nsw).not.toContainText(EDTECH_MARK);

  // And EdTech again: its saved edit and its unsaved text are both still there.
  await switchTo(page, 'edtech');
  await expect(treeFile(page, EDTECH_FILE)).toHaveAccessibleName(/, ok, edited$/);
  await expect(treeFile(page, EDTECH_UNSAVED)).toHaveAccessibleName(/unsaved changes$/);
  const edtech = await compiled(page, EDTECH_FILE);
  await expect(edtech).toContainText(EDTECH_MARK);
  await expect(edtech).not.toContainText(NSW_MARK);
});

test('the EdTech project’s report pages render their figures, and a link opens that project', async ({ page }) => {
  const tables = generateEdtechTables();
  await page.goto('/?project=edtech#/');
  await ready(page);
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('edtech');
  await expect(page.getByRole('heading', { name: 'Learners and enrollments', level: 1 })).toBeVisible();
  await expect(page.getByTestId('data-badge')).toHaveText('Seed data');
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);
  const learners = page.getByRole('region', { name: 'Learners', exact: true });
  await expect(learners).toHaveAttribute('data-value', String(tables.students.length - 1));
  await expect(learners.locator('.value')).toHaveText((tables.students.length - 1).toLocaleString('en-AU'));
  const enrollments = page.getByRole('region', { name: 'Enrollments', exact: true });
  await expect(enrollments).toHaveAttribute('data-value', String(tables.enrollments.length - 1));
  await expect(page.getByTestId('bar-chart').first()).not.toHaveAttribute('data-bar-count', '0');
  await expect(page.getByTestId('line-chart')).not.toHaveAttribute('data-line-count', '0');
  await expect(page.getByTestId('data-table').first().getByTestId('page-of')).toHaveText('Page 1 of 50');

  await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Courses' }).click();
  await expect(page.getByRole('heading', { name: 'Courses', level: 1 })).toBeVisible();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('aria-label', /ended/);
  const pivot = page.getByTestId('data-table').nth(1);
  await expect(pivot.getByTestId('total-row')).toContainText((tables.enrollments.length - 1).toLocaleString('en-AU'));
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);

  // An unknown project name opens the default one and says so.
  await page.goto('/?project=jaffle#/workbench');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no project called “jaffle”' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue('nsw');
});
