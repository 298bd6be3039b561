// Takes the screenshots in docs/screenshots/ from a real build: a compare page (HTML, light
// and dark) and a page of the Japanese PDF book. Needs Chromium and pdftoppm (poppler-utils).
// Usage: npm run build && node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'statusbook-shots-'));
const cli = join(root, 'packages/cli/bin/statusbook.js');
execFileSync('node', [cli, 'build', '--locale', 'en,ja', '--format', 'html,print', '--pdf', '--out', out], { cwd: root, stdio: 'inherit' });

const browser = await chromium.launch({
  executablePath: process.env.STATUSBOOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
for (const colorScheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme });
  await page.goto(`file://${join(out, 'html/en/sip/compare/200-vs-437/index.html')}`);
  await page.screenshot({ path: join(root, `docs/screenshots/compare-page-${colorScheme}.png`) });
  await page.close();
}
await browser.close();
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '6', '-l', '6', '-singlefile', join(out, 'pdf/ja/sip.pdf'), join(root, 'docs/screenshots/pdf-page-ja')]);
console.log('wrote docs/screenshots/compare-page-light.png, compare-page-dark.png, pdf-page-ja.png');
