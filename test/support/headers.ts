/**
 * The headers a host reading `_headers` (Cloudflare Pages' rules) sends for a path: every rule whose
 * pattern matches applies in file order; within a rule, `! Name` first removes the header that
 * earlier rules set, then `Name: value` sets it, or appends it (a second value, comma-joined) when
 * an earlier rule already set it. Patterns are paths where `*` matches anything.
 */
export function headersFromFile(file: string, path: string): Map<string, string> {
  const headers = new Map<string, string>();
  let matches = false;
  for (const line of file.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      matches = pattern.test(path);
      continue;
    }
    if (!matches) continue;
    const detach = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      headers.delete(detach[1]!.toLowerCase());
      continue;
    }
    const [, name, value] = /^\s*([^:]+):\s*(.*)$/.exec(line) ?? [];
    if (!name) throw new Error(`_headers: cannot read "${line}"`);
    const key = name.toLowerCase();
    const previous = headers.get(key);
    headers.set(key, previous === undefined ? value! : `${previous}, ${value}`);
  }
  return headers;
}
