/**
 * Text from the estate (command output, error messages) reaches the terminal through the
 * CLI's summary: control characters in it — escape sequences that move the cursor, rewrite
 * the title or clear the screen, a carriage return that hides a line — are shown as escapes
 * (`\x1b`, `\r`) instead of being obeyed. Line feeds and tabs stay.
 */
export function neutraliseControls(text: string): string {
  // C0 controls but tab and line feed, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
