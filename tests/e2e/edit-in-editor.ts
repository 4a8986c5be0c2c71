import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * In the Workbench: open a file from its project-tree item, replace its whole text in the editor and save
 * it (Ctrl/Cmd+S), which starts the build of what changed. Waits for the editor, never for time.
 */
export async function replaceAndSave(
  page: Page,
  options: { item: Locator; path: string; text: string },
): Promise<void> {
  await options.item.click();
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-document', options.path);
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(options.text);
  await page.keyboard.press('ControlOrMeta+S');
}
