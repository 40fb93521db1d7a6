/** Exit codes of `mqchaos`, as documented in DESIGN.md. */
export const EXIT_PASS = 0;
export const EXIT_EXPECTATION_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_RECOVERY_FAILED = 3;
export const EXIT_NO_VERDICT = 4;

/** Bad command-line use: reported in one line, exit 2, nothing touched. */
export class UsageError extends Error {}
