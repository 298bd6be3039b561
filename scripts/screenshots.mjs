// Takes the screenshots in docs/screenshots/ from a real build: HTML pages (light and dark,
// desktop and 390 px wide) and a page of the Japanese PDF book. Needs Chromium and pdftoppm (poppler-utils).
// Usage: npm run build && node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
// Desktop (1000 px) and phone (390 px) widths, light and dark: a comparison page (its table
// stacks on the phone) and the top of a code page (header, theme switch, heading anchors).
const shots = [
  { name: 'compare-page', path: 'html/en/sip/compare/200-vs-437/index.html', width: 1000, height: 1400 },
  { name: 'compare-page-390', path: 'html/en/sip/compare/200-vs-437/index.html', width: 390, height: 1600 },
  { name: 'code-page-ja', path: 'html/ja/sip/437/index.html', width: 1000, height: 1100 },
  { name: 'code-page-390', path: 'html/en/sip/437/index.html', width: 390, height: 1200 },
];
for (const colorScheme of ['light', 'dark']) {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme });
    await page.goto(`file://${join(out, shot.path)}`);
    // The heading anchors show on hover and focus: focus one so the picture shows it.
    if (shot.name.startsWith('code-page')) await page.focus('a.anchor');
    await page.screenshot({ path: join(root, `docs/screenshots/${shot.name}-${colorScheme}.png`) });
    await page.close();
  }
}
await browser.close();
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '6', '-l', '6', '-singlefile', join(out, 'pdf/ja/sip.pdf'), join(root, 'docs/screenshots/pdf-page-ja')]);
console.log(`wrote docs/screenshots: ${shots.map((s) => `${s.name}-{light,dark}.png`).join(', ')}, pdf-page-ja.png`);
rmSync(out, { recursive: true, force: true });
