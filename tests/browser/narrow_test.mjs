// Issue 28: every HTML report readable on a phone. Each page given is opened 390 px wide: the page
// itself must not pan sideways (document.documentElement.scrollWidth ≤ 390; wide tables scroll inside
// their own box), and the labels of Figuur 1 (the chart per rule) lie inside their SVG. A screenshot of
// each page's first screen goes to OUT_DIR.
// Usage: node narrow_test.mjs OUT_DIR PAGE.html...
import { launch } from './browser.mjs';
import { basename } from 'node:path';

const [out, ...pages] = process.argv.slice(2);
const { browser, newPage, errors } = await launch();
let failed = false;
for (const file of pages) {
  const page = await newPage({ viewport: { width: 390, height: 844 } });
  await page.goto('file://' + file, { waitUntil: 'load', timeout: 240000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) {
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.wide, table'))
      .slice(0, 5).map((e) => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')));
    console.error(`smalletest: ${basename(file)} is ${width} px breed op een scherm van 390 px (${wide.join(', ')})`);
    failed = true;
  }
  const clipped = await page.evaluate(() => {
    const svg = document.querySelector('svg[aria-label^="Percentage afwijkend per regel"]');
    if (!svg) return [];
    const box = svg.getBBox ? svg.viewBox.baseVal : null;
    return [...svg.querySelectorAll('text')].filter((t) => {
      const b = t.getBBox();
      return box && (b.x < box.x - 3 || b.x + b.width > box.x + box.width + 0.5);  // a glyph may lean out a little (T)
    }).map((t) => t.textContent);
  });
  if (clipped.length) {
    console.error(`smalletest: ${basename(file)}: labels van Figuur 1 buiten de figuur: ${clipped.slice(0, 5).join(', ')}`);
    failed = true;
  }
  await page.screenshot({ path: `${out}/smal-${basename(file, '.html')}.png` });
  await page.close();
}
await browser.close();
if (errors.length) { console.error('smalletest: fouten in de browserconsole: ' + errors.join('; ')); failed = true; }
if (failed) process.exit(1);
console.log(`smalletest geslaagd: ${pages.length} pagina's op 390 px zonder zijwaarts schuiven`);
