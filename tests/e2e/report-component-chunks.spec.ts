import { expect, test } from './fixtures.ts';

// Each report component's code is a chunk of its own, fetched when a page shows its tag (issue 11's P5).
// A chunk that does not arrive must say which component failed, keep the rest of the page, and load on
// Try again once the connection is back.
test.use({ expectedConsoleErrors: /Failed to load resource: net::ERR_FAILED/ });

test('a report component whose code does not arrive says so, keeps the rest of the page, and loads on Try again', async ({
  page,
}) => {
  let refused = 0;
  await page.route('**/assets/LineChart-*.js', (route) => {
    refused += 1;
    return route.abort('failed');
  });
  await page.goto('/');

  const failure = page.getByTestId('component-load-failure');
  await expect(failure).toContainText('Could not load the code that draws this LineChart');
  await expect(failure).toContainText('LineChart-');
  expect(refused).toBeGreaterThan(0);
  // The rest of the Overview is drawn: its tiles and links, from the same results.
  await expect(page.getByTestId('big-value')).toHaveCount(8);
  await expect(page.locator('.app')).toHaveAttribute('data-first-report', /precomputed|live/);
  await expect(page.getByTestId('line-chart')).toHaveCount(0);

  await page.unroute('**/assets/LineChart-*.js');
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('line-chart')).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test('when the code that reads results does not arrive, each query says so, the page stays, and the next page asks again', async ({
  page,
}) => {
  await page.route('**/assets/decode-result-*.js', (route) => route.abort('failed'));
  await page.goto('/');
  const app = page.locator('.app');
  // No early numbers can be read, so the Overview waits for the database, whose answers cannot be read either.
  await expect(app).toHaveAttribute('data-app-state', 'ready');
  const problems = page.locator('.report .problem[role="alert"]');
  await expect(problems.first()).toContainText('the code that reads query results did not load');
  await expect(problems.first()).toContainText('decode-result-');
  const funding = page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Funding', exact: true });
  await expect(funding).toBeVisible();

  await page.unroute('**/assets/decode-result-*.js');
  await funding.click();
  await expect(page.getByTestId('bar-chart').first()).toBeVisible();
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);
});
