import type * as Monaco from 'monaco-editor/editor';

/**
 * Monaco's own `vs` and `vs-dark` themes, with the token colours that fall short of WCAG AA contrast (4.5:1
 * against the editor's background, as axe's color-contrast rule measures) replaced. Monaco 0.57's `vs` draws
 * SQL strings in #FF0000 (4.0:1) and SQL operators in #778899 (3.6:1); `vs-dark` draws comments in #608B4E
 * (4.2:1) and SQL strings in #FF0000 (4.2:1). The replacements are the colours the same themes use for those
 * tokens in other languages, or a shade darker (light) or lighter (dark) of the original.
 */
export const EDITOR_THEMES: Record<'light' | 'dark', { name: string; data: Monaco.editor.IStandaloneThemeData }> = {
  light: {
    name: 'stack-light',
    data: {
      base: 'vs',
      inherit: true,
      colors: {},
      rules: [
        { token: 'string.sql', foreground: 'A31515' },
        { token: 'operator.sql', foreground: '5B6778' },
        { token: 'annotation', foreground: '6B6B6B' },
        { token: 'attribute.name', foreground: 'C50000' },
        { token: 'metatag', foreground: '6B6B6B' },
        { token: 'metatag.content.html', foreground: 'C50000' },
      ],
    },
  },
  dark: {
    name: 'stack-dark',
    data: {
      base: 'vs-dark',
      inherit: true,
      colors: {},
      rules: [
        { token: 'comment', foreground: '6A9955' },
        { token: 'string.sql', foreground: 'F48771' },
        { token: 'variable.predefined', foreground: '7C9BE0' },
        { token: 'regexp', foreground: 'D16969' },
        { token: 'annotation', foreground: 'DD7777' },
        { token: 'delimiter.html', foreground: '9A9A9A' },
        { token: 'delimiter.xml', foreground: '9A9A9A' },
      ],
    },
  },
};

/** The editor theme for the page's theme. */
export const editorTheme = (dark: boolean): string => EDITOR_THEMES[dark ? 'dark' : 'light'].name;
