import { settings } from './settings.svelte.ts';

/**
 * The theme the page shows: the setting, or the system's when the setting is `system`. It sets
 * `data-theme` on the root element, which the colours in global.css follow; the editor and charts read
 * `theme.dark`.
 */
class ThemeState {
  #systemDark = $state(false);

  constructor() {
    if (typeof matchMedia === 'function') {
      const query = matchMedia('(prefers-color-scheme: dark)');
      this.#systemDark = query.matches;
      query.addEventListener('change', (event) => (this.#systemDark = event.matches));
    }
  }

  /** Whether the page is dark now. */
  get dark(): boolean {
    return settings.theme === 'dark' || (settings.theme === 'system' && this.#systemDark);
  }
}

/** The page's theme. */
export const theme = new ThemeState();
