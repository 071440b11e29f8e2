// The report as a reader uses it: headless Chromium (Debian's) driven by playwright-core. Opens
// rapport.html, checks the summary, the table of contents and the survival charts, types in the
// search box and picks a rule in the filter, and fails on any console error. Screenshots of the
// first page and of the search in use go to OUT_DIR; the time until the page is rendered is printed.
// Usage: node report_test.mjs RAPPORT.html OUT_DIR SEARCH_TEXT RULE
import { launch } from './browser.mjs';

const [report, out, search, rule] = process.argv.slice(2);
const fail = (msg) => { console.error('rapporttest: ' + msg); process.exit(1); };
const { browser, newPage, errors } = await launch();
const page = await newPage({ viewport: { width: 1200, height: 1000 } });
const started = Date.now();
await page.goto('file://' + report, { waitUntil: 'load', timeout: 240000 });
await page.waitForFunction(() => document.getElementById('telling') && document.getElementById('telling').textContent !== '',
                           null, { timeout: 240000 });
const rendered = Date.now() - started;
await page.screenshot({ path: out + '/eerste-pagina.png' });

const text = async (sel) => (await page.textContent(sel)) || '';
if (!(await text('#samenvatting')).includes('Samenvatting')) fail('geen samenvatting');
if ((await page.locator('nav.toc li').count()) < 8) fail('inhoudsopgave te kort');
if ((await page.locator('#doorlooptijden ~ svg path').count()) < 3) fail('minder dan drie overlevingscurven');
const total = await page.locator('#dossiertabel div.d').count();
if (total < 1) fail('geen dossiers in de dossiertabel');
if ((await text('#telling')) !== `${total} van ${total} dossiers`) fail('telling vooraf: ' + await text('#telling'));

// Search: the dossiers that contain the text, and no others.
await page.fill('#zoek', search);
await page.waitForFunction((t) => !document.getElementById('telling').textContent.startsWith(t + ' '), total, { timeout: 60000 });
const visible = await page.evaluate((s) => {
  const rows = [...document.querySelectorAll("#dossiertabel div.d")];
  const shown = rows.filter((b) => b.style.display !== 'none');
  return { shown: shown.length, wrong: shown.filter((b) => !b.textContent.toLowerCase().includes(s.toLowerCase())).length,
           missed: rows.filter((b) => b.style.display === 'none' && b.textContent.toLowerCase().includes(s.toLowerCase())).length };
}, search);
if (visible.shown < 1 || visible.wrong || visible.missed) fail('zoeken: ' + JSON.stringify(visible));
await page.screenshot({ path: out + '/zoeken.png' });

// Filter by rule (search cleared): every dossier shown has a finding of that rule.
await page.fill('#zoek', '');
await page.selectOption('#f-regel', rule);
await page.waitForTimeout(300);
const byRule = await page.evaluate((r) => {
  const rows = [...document.querySelectorAll("#dossiertabel div.d")];
  const shown = rows.filter((b) => b.style.display !== 'none');
  return { shown: shown.length, wrong: shown.filter((b) => !(' ' + b.dataset.r + ' ').includes(' ' + r + ' ')).length };
}, rule);
if (byRule.shown < 1 || byRule.wrong) fail('filter op regel: ' + JSON.stringify(byRule));
if (errors.length) fail('fouten in de console: ' + errors.join(' | '));
console.log(`rapporttest geslaagd: ${total} dossiers, zoeken '${search}' → ${visible.shown}, regel ${rule} → ${byRule.shown}; ` +
            `weergegeven na ${(rendered / 1000).toFixed(1)} s`);
await browser.close();
