import { launchBrowser } from './test/support/browser';
import { serveStatic } from './test/support/static-server';
const pages = process.argv.slice(2);
const site = await serveStatic('dist');
const browser = await launchBrowser();
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 900 } });
  for (const p of pages) {
    await page.goto(new URL(p, site.url).href);
    const name = p.replace(/\//g, '_') || 'home';
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
    const h0 = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0; i * 1480 < Math.min(h0, Number(process.env.MAXH ?? 3000)); i++) {
      await page.screenshot({ path: `/tmp/shots/${name}-${width}-part${i}.png`, fullPage: true, clip: { x: 0, y: i * 1480, width, height: Math.min(1480, h0 - i * 1480) } });
    }
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(width, p, h);
  }
  await page.close();
}
await browser.close();
await site.close();
