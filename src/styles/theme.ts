import type { SiteConfig } from '../site.config';

/** CSS name of a colour key: primaryDark → --color-primary-dark. */
function variableName(key: string): string {
  return `--color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The agency's colours from site.config as CSS custom properties, so global.css stays plain CSS
 * and a rebrand is one edit in site.config.ts.
 * @example themeCss({ primary: '#9b1c1c' }) // ':root{--color-primary:#9b1c1c;}'
 */
export function themeCss(colors: Partial<SiteConfig['colors']> & Record<string, string>): string {
  const declarations = Object.entries(colors)
    .filter(([, value]) => /^#[0-9a-f]{3,8}$/i.test(value))
    .map(([key, value]) => `${variableName(key)}:${value};`)
    .join('');
  return `:root{${declarations}}`;
}
