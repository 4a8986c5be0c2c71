import { expect, test } from './fixtures.ts';

const SCHOOL = 'model.nsw_schools.dim__school';
const STAGING = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const REPORT = 'report.reports/schools.md';

test('the Lineage page draws sources to reports coloured by status, filters by selector, and opens a node in the editor', async ({
  page,
}) => {
  await page.goto('/#/lineage');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const lineage = page.getByTestId('lineage');
  await expect(lineage.locator(`[data-node="${SCHOOL}"]`)).toHaveAttribute('data-status', 'ok');
  await expect(lineage.locator(`[data-node="${SCHOOL}"]`)).toHaveAccessibleName('model dim__school, ok');
  await expect(lineage.locator(`[data-node="${REPORT}"]`)).toHaveAttribute('aria-label', /^report /);
  await expect(lineage.locator('[data-node^="source."]').first()).toBeVisible();
  await expect(lineage.locator('[data-node^="test."]').first()).toBeAttached();
  const total = Number(/^(\d+) nodes/.exec((await page.getByTestId('lineage-count').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(300);

  await page.getByRole('textbox', { name: 'Select' }).fill('+dim__school');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByTestId('lineage-count')).not.toHaveText(new RegExp(`^${total} nodes`));
  await expect(lineage.locator(`[data-node="${STAGING}"]`)).toBeVisible();
  await expect(lineage.locator(`[data-node="${REPORT}"]`)).toBeVisible();
  await expect(lineage.locator('[data-node="model.nsw_schools.fct__attendance"]')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Select' }).fill('colour:red');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'colour' })).toBeVisible();

  await page.getByRole('button', { name: 'Show all' }).click();
  await lineage.locator(`[data-node="${SCHOOL}"]`).click();
  await expect(page).toHaveURL(/#\/workbench$/);
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', 'models/marts/dim__school.sql');

  await page.getByRole('tab', { name: 'Lineage' }).click();
  const panel = page.getByTestId('lineage');
  await expect(panel.locator(`[data-node="${SCHOOL}"]`)).toHaveClass(/current/);
  await expect(panel.locator(`[data-node="${STAGING}"]`)).toBeVisible();
  await expect(panel.locator(`[data-node="${REPORT}"]`)).toBeVisible();
  await expect(panel.locator('[data-node="model.nsw_schools.stg__acara__staff_numbers"]')).toHaveCount(0);
  await panel.locator(`[data-node="${STAGING}"]`).press('Enter');
  await expect(page.getByTestId('code-editor')).toHaveAttribute(
    'data-document',
    'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql',
  );
});
