const STORAGE_KEY = 'data-stack-in-a-tab:drafts';

/**
 * What the user typed in the editor, per document (the scratch query, each model), kept in localStorage
 * so leaving the workbench, loading a source or reloading the page never loses it. (Saving a model's edit
 * into the build is the workbench's next step; until then a model's draft is the user's, not the build's.)
 */
class Drafts {
  /** Draft text by document id. */
  texts = $state<Record<string, string>>(readStored());

  /** Keep a document's draft. */
  set(documentId: string, text: string): void {
    this.texts[documentId] = text;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.texts));
    } catch {
      // Storage full or disabled: the draft stays for this page.
    }
  }
}

function readStored(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value !== null && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The page's drafts. */
export const drafts = new Drafts();
