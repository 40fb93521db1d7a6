/** Characters XML 1.0 does not allow at all; they are dropped rather than escaped. */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML, SVG and XML, in element content and in quoted attributes alike. */
export function escapeMarkup(text: unknown): string {
  return String(text ?? '')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
