import { expect, test } from './fixtures.ts';
import { SITE_PORT } from './ports.ts';

// Issue 13, item 4: the build as a static host serves it — under a sub-path (GitHub Pages' /<repo>/),
// with public/_headers applied — works, and after one visit works again with the network off.
const SITE = `http://127.0.0.1:${SITE_PORT}/data-stack-in-a-tab/`;

test.use({ serviceWorkers: 'allow' });

test('under a sub-path the site works, and a second visit works offline', async ({ page, context, request }) => {
  const served = await request.get(SITE);
  expect(served.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await served.text())?.[1];
  expect((await request.get(`${SITE}${script}`)).headers()['cache-control']).toBe(
    'public, max-age=31536000, immutable',
  );

  await page.goto(SITE);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('big-value')).toHaveCount(8);
  // The service worker has cached the shell, the WebAssembly and the sample once it is active.
  // (Expressions as text: the tests' tsconfig has no DOM lib.)
  expect(await page.evaluate('navigator.serviceWorker.ready.then((registration) => registration.active.state)')).toBe(
    'activated',
  );
  await page.waitForFunction('navigator.serviceWorker.controller !== null'); // claimed on activation
  expect(await page.evaluate('new URL(navigator.serviceWorker.controller.scriptURL).pathname')).toBe(
    '/data-stack-in-a-tab/sw.js',
  );

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('big-value')).toHaveCount(8);
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);
  // Another page and the Workbench (the editor and its worker are lazy chunks) come from the cache too.
  await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Funding', exact: true }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${SITE}#/workbench`);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('select 40 + 2 as answer');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('results-grid').locator('.body [role="row"]').first()).toHaveText('42');
});
