import { chromium, type APIResponse, type Browser, type Page, type Route } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * A real Chromium for browser tests: `CHROME_PATH` when set (e.g. Debian's /usr/bin/chromium),
 * otherwise the one shipped inside the @sparticuz/chromium npm package.
 */
export async function launchBrowser(): Promise<Browser> {
  if (process.env.CHROME_PATH) {
    return chromium.launch({
      executablePath: process.env.CHROME_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its flags are tuned for AWS Lambda: --single-process kills the browser when its last page
  // closes, and relaxed web security would hide real same-origin bugs from the tests.
  const args = sparticuz.args.filter((a) => !/^--(single-process|disable-web-security|allow-running-insecure-content)$/.test(a));
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: [...args, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true,
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) in the page and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through DevTools, not as an inline <script>: the site's Content-Security-Policy blocks
  // inline script, and the test must not weaken it (bypassCSP would hide real violations).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;window.axe = axe;`);
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** One line per violation, for readable assertion failures. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/**
 * The server's response to a routed request, or undefined after aborting the request when the
 * server's connection failed (ECONNRESET and the like): a page still fetching a font or script
 * as its test ends, or as the test's server stops, would otherwise leave the route handler's
 * rejection unhandled, which fails the whole run. What a test checks is on the page, so a request
 * dropped while the test still runs shows there as a missing response.
 */
export async function fetchOrAbort(route: Route): Promise<APIResponse | undefined> {
  try {
    return await route.fetch();
  } catch {
    await route.abort().catch(() => undefined);
    return undefined;
  }
}
