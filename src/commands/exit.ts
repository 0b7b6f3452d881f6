/** Exit codes, documented in --help and the README. */
export const EXIT = { ok: 0, diagnostics: 1, usage: 2, internal: 70, busy: 75 } as const;
