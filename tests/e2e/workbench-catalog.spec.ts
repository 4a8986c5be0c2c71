import { expect, test } from './fixtures.ts';

test('the catalog lists the built tables with row counts, types and descriptions, and the editor completes names from it', async ({
  page,
}) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();

  await page.getByRole('tab', { name: 'Catalog' }).click();
  const school = page.getByTestId('catalog').locator('details[data-table$=".dim__school"]');
  await expect(school.locator('summary')).toContainText(/table · [\d,]+ rows · \d+ columns/);
  await school.locator('summary .name').click();
  const row = school.locator('tr', { has: page.getByRole('cell', { name: 'level_of_schooling', exact: true }) });
  await expect(row.locator('td').nth(1)).toHaveText('VARCHAR');
  await expect(row.locator('td').nth(2)).not.toBeEmpty();
  await page.getByRole('searchbox', { name: 'Filter the catalog' }).fill('school_code');
  await expect(school).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter the catalog' }).fill('no such column anywhere');
  await expect(school).toBeHidden();

  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("select s. from {{ ref('dim__sch");
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('dim__school');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("select s.level from {{ ref('dim__school') }} as s");
  await page.keyboard.press('Home');
  for (let step = 0; step < 'select s.level'.length; step++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Space');
  await expect(suggest).toContainText('level_of_schooling');
});
