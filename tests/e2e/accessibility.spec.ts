import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { shareHref } from '../../src/core/report/shared-edits.ts';
import { encodeShareState } from '../../src/core/report/url-state.ts';
import { expect, test } from './fixtures.ts';

// Issue 10, item 8: readable on a phone, keyboard reachable, and axe reports no serious violations.

/** The WCAG 2.0 and 2.1 A and AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };

/** Each page, and what shows it has finished drawing (the app's ready flag is set once, on the first page). */
const PAGES: ReadonlyArray<{ name: string; hash: string; drawn: (page: Page) => Promise<void> }> = [
  {
    name: 'Overview',
    hash: '#/',
    drawn: async (page) => {
      await expect(page.getByTestId('big-value')).toHaveCount(8);
      await expect(page.getByTestId('line-chart')).toHaveAttribute('data-line-count', /[1-9]/);
    },
  },
  {
    name: 'Schools',
    hash: '#/reports/schools',
    drawn: async (page) => {
      await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');
      await expect(page.getByTestId('point-map')).toHaveAttribute('data-marker-count', /[1-9]/);
    },
  },
  {
    name: 'Workbench',
    hash: '#/workbench',
    drawn: async (page) => {
      await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
    },
  },
  {
    name: 'Lineage',
    hash: '#/lineage',
    drawn: async (page) => {
      await expect(page.getByTestId('lineage').locator('[data-node^="source."]').first()).toBeVisible();
    },
  },
  {
    name: 'Sources',
    hash: '#/sources',
    drawn: async (page) => {
      await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
      await expect(page.getByTestId('load-counts').first()).toBeVisible();
    },
  },
  {
    name: 'Funding model',
    hash: '#/reports/funding-model',
    drawn: async (page) => {
      await expect(page.getByTestId('linear-regression').getByTestId('scatter-plot')).toHaveAttribute(
        'data-point-count',
        /[1-9]/,
      );
    },
  },
  {
    name: 'Runs',
    hash: '#/runs',
    drawn: async (page) => {
      await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(1);
    },
  },
  {
    name: 'Settings',
    hash: '#/settings',
    drawn: async (page) => {
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    },
  },
];

/**
 * Run axe over the page as it stands and describe each serious or critical violation: its rule, impact and
 * the elements it found. Moderate and minor findings are left to review (the issue asks for none serious).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
    );
}

/** Open the app, then visit every page in the same tab (one engine boot and build), checking each. */
async function checkEveryPage(page: Page, { phone }: { phone: boolean }): Promise<void> {
  await page.goto('/#/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  const found: string[] = [];
  for (const { name, hash, drawn } of PAGES) {
    await test.step(name, async () => {
      // Page functions are strings here: the tests' tsconfig has no DOM lib (they run in Node).
      await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
      await drawn(page);
      for (const violation of await seriousViolations(page)) found.push(`${name}: ${violation}`);
      if (phone) {
        const overflow = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
          '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
        );
        if (overflow.scrollWidth > overflow.innerWidth)
          found.push(`${name}: the page scrolls sideways (${overflow.scrollWidth} px wide in ${overflow.innerWidth})`);
      }
    });
  }
  expect(found, found.join('\n')).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`every page at desktop size has no serious axe violations (${colorScheme})`, async ({ page }) => {
      test.slow(); // One build, then six pages each checked by axe.
      await page.setViewportSize({ width: 1280, height: 800 });
      await checkEveryPage(page, { phone: false });
    });

    test(`every page on a phone is one column with no sideways scroll and no serious axe violations (${colorScheme})`, async ({
      page,
    }) => {
      test.slow();
      await page.setViewportSize(PHONE);
      await checkEveryPage(page, { phone: true });
    });
  });
}

test('the Schools report works by keyboard: the level Dropdown, then Share opens and Escape closes it', async ({
  page,
}) => {
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');

  // From the top of the page, the first stop is the skip link, shown when focused; it moves focus to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const level = page.getByLabel('Level of schooling', { exact: true });
  await tabUntilFocused(page, level);
  expect(await hasFocusRing(level)).toBe(true);
  // A select changes by arrow keys without opening (Chromium on Linux), one option at a time.
  await expect(level).toHaveValue('string:All levels');
  await page.keyboard.press('ArrowDown');
  await expect(level).not.toHaveValue('string:All levels');
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '1');
  await expect(page.locator('section[data-query="schools_by_level"]')).toHaveAttribute('data-query-runs', '2');

  const share = page.getByRole('button', { name: 'Share', exact: true });
  await page.keyboard.press('Shift+Tab');
  await tabUntilFocused(page, share, 'Shift+Tab');
  expect(await hasFocusRing(share)).toBe(true);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Share this page' });
  await expect(panel).toBeVisible();
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  // The keyboard moves to the link, selected to copy; the open panel passes axe too.
  await expect(page.getByTestId('share-url')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(share).toBeFocused();
  await expect(share).toHaveAttribute('aria-expanded', 'false');
});

test('the shared-edits gate works by keyboard and passes axe in both themes', async ({ page, baseURL }) => {
  const path = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
  const original = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const encoded = encodeShareState({
    page: 'reports/schools.md',
    inputs: {},
    edits: { [path]: `-- a shared edit\n${original}` },
  });
  if (!encoded.ok) throw new Error(encoded.message);
  await page.goto(shareHref({ base: new URL('/', baseURL).href, page: 'reports/schools.md', token: encoded.token }));

  // The gate takes the keyboard first: its heading has focus, and its answers follow in order.
  const gate = page.getByTestId('shared-edits');
  await expect(gate.getByRole('heading', { name: 'This link carries edits to the project' })).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await page.keyboard.press('Tab');
  await expect(gate.getByRole('button', { name: 'Review the changes' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(gate.locator('[data-diff-state="ready"]')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(gate.getByRole('button', { name: 'Apply the edits' })).toBeFocused();
  await page.keyboard.press('Tab');
  const ignore = gate.getByRole('button', { name: 'Open without them' });
  await expect(ignore).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(gate).toHaveCount(0);
  // The page it opens onto has the keyboard (the start of the main content), not the top of the document.
  await expect(page.locator('main')).toBeFocused();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');
});

test('quick open in the Workbench closes with Escape and gives the keyboard back to the editor', async ({ page }) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  const editorInput = page.getByTestId('code-editor').getByRole('textbox');
  await expect(editorInput).toBeFocused();
  await page.keyboard.press('ControlOrMeta+P');
  const dialog = page.getByRole('dialog', { name: 'Open a file by name' });
  await expect(dialog.getByRole('textbox', { name: 'File name' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(editorInput).toBeFocused();
});

/** Press Tab (or Shift+Tab) until the element has focus, failing if it is not reached within 60 stops. */
async function tabUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let stop = 0; stop < 60; stop++) {
    // The element's own document, not the global `document`: the tests' tsconfig has no DOM lib.
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** Whether the element shows the keyboard's focus ring: it matches :focus-visible and draws an outline. */
async function hasFocusRing(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) =>
      element.matches(':focus-visible') &&
      element.ownerDocument.defaultView?.getComputedStyle(element).outlineStyle !== 'none',
  );
}
