/**
 * P3 in the browser: open the Workbench, edit a staging model (a trailing comment, so the rows do not change)
 * and save; time from the Ctrl+S keydown to the build status reading "Built n of m nodes" (its downstream
 * rebuilt and its tests rerun). Timed in the page, on both ends.
 */
import type { Page } from '@playwright/test';

const STAGING = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';

/** Time `edits` save-and-rebuilds of the staging model in one page; the app must be at its origin. */
export async function timeStagingEdits(options: { page: Page; origin: string; edits: number }): Promise<number[]> {
  const { page } = options;
  await page.goto(`${options.origin}/#/workbench`);
  await page.locator('[data-app-state="ready"]').waitFor({ timeout: 180_000 });
  await page.locator(`[data-node="${STAGING}"][data-status="ok"]`).waitFor({ timeout: 60_000 });
  await page.locator(`[data-node="${STAGING}"]`).click();
  await page.locator('[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let edit = 0; edit < options.edits; edit++) {
    await page.getByTestId('code-editor').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(`\n-- bench edit ${edit}`);
    await page.evaluate(() => {
      const scope = globalThis as unknown as {
        addEventListener: (type: string, listener: () => void, options: object) => void;
        benchSavedAt?: number;
      };
      scope.addEventListener('keydown', () => (scope.benchSavedAt ??= performance.now()), {
        capture: true,
        once: true,
      });
    });
    const before = (await page.getByTestId('build-status').textContent()) ?? '';
    await page.keyboard.press('ControlOrMeta+S');
    const handle = await page.waitForFunction(
      (previous) => {
        const scope = globalThis as unknown as {
          document: { querySelector: (selector: string) => { textContent: string | null } | null };
          benchSavedAt?: number;
          benchLeftBuilt?: boolean;
        };
        const status = scope.document.querySelector('[data-testid="build-status"]')?.textContent ?? '';
        const built = /Built \d+ of \d+ nodes/.test(status);
        // The status still reads the previous build's "Built" until the new build starts: wait for it to change.
        if (!built || status !== previous) scope.benchLeftBuilt = true;
        if (!built || !scope.benchLeftBuilt || scope.benchSavedAt === undefined) return undefined;
        const elapsed = performance.now() - scope.benchSavedAt;
        scope.benchSavedAt = undefined;
        scope.benchLeftBuilt = false;
        return elapsed;
      },
      before,
      { polling: 'raf', timeout: 120_000 },
    );
    times.push((await handle.jsonValue()) as number);
  }
  return times;
}
