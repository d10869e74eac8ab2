/** Published JSON: two-space indent, a final newline, key order as built (deterministic). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * JSON for a `<script type="application/ld+json">`: "<", ">", "&" and the JavaScript line
 * separators are escaped so no text in a plan can close the script element.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `value` as `toJson` prints it `depth` levels deep: each line indented by two spaces a level.
 * JSON text holds no raw line break inside a string, so every line of it gets the indent.
 * @example nestedJson({ a: 1 }, 2) // '    {\n      "a": 1\n    }'
 */
export function nestedJson(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
}
