import { expect, test } from './fixtures.ts';

test.describe.configure({ timeout: 120_000 });

test('funding model: the regression is fitted in the page and shows MAE, MSE, R², coefficients and actual vs predicted', async ({
  page,
}) => {
  await page.goto('/#/reports/funding-model');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/md5_number\(school_code\) % 5 = 0/)).toBeVisible();
  const model = page.getByTestId('linear-regression');
  await expect(model).toBeVisible();
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);

  const metrics = model.getByTestId('regression-metrics');
  const heldOut = metrics.getByRole('row', { name: /Held out \(test\)/ });
  await expect(heldOut.locator('[data-metric="mae"]')).toHaveText(/^\$[\d,]+$/);
  await expect(heldOut.locator('[data-metric="mse"]')).toHaveText(/^\d\.\d{3}e\+\d+$/);
  await expect(heldOut.locator('[data-metric="r2"]')).toHaveText(/^-?\d\.\d{3}$/);
  await expect(metrics.getByRole('row', { name: /Fitted on \(train\)/ }).locator('[data-metric="r2"]')).toHaveText(
    /^-?\d\.\d{3}$/,
  );

  const coefficients = model.getByTestId('regression-coefficients');
  for (const term of ['(intercept)', 'enrolment_fte', 'icsea_value']) {
    await expect(coefficients.getByRole('row', { name: term, exact: false }).first().locator('td')).toHaveText(/\d/);
  }
  await expect(coefficients.getByRole('rowheader', { name: /^level_of_schooling = / }).first()).toBeVisible();
  await expect(coefficients.locator('caption')).toContainText('categories compare with level_of_schooling =');

  // The scatter draws one point per held-out school that was scored.
  const testRows = await model.getAttribute('data-test-rows');
  expect(Number(testRows)).toBeGreaterThan(0);
  await expect(model.getByTestId('scatter-plot')).toHaveAttribute('data-point-count', String(testRows));
});
