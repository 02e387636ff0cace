/**
 * Escaping text for HTML (and the inline SVG inside it): every string the report shows — case ids,
 * reasons, descriptions, node ids — comes from users and backends, so none goes in raw. The five
 * characters that can end a text node or an attribute value are replaced by their entities; the
 * result is safe in element content and in double- or single-quoted attributes.
 *
 * @see spec/06-conformance.md#conform.html
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
