/** Where the CLI writes. */
export interface CliOutput {
  /** Normal output (results, SQL, rows). */
  out: (text: string) => void;
  /** Problems. */
  err: (text: string) => void;
}

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const;
