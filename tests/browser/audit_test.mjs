// The combined audit sheets as an auditor uses them (issue 17 point 1): headless Chromium with
// playwright-core, print media. In the first two sheets every answer box sits inside its own label
// (a click on the word ticks that box, and the box is drawn on the word's line, right before it);
// a norm takes one answer (radio buttons, issue 30): "ja" and then "nee" of the first norm leaves only "nee". Screenshot of a filled sheet to OUT_DIR.
// Usage: node audit_test.mjs AUDITBLADEN.html OUT_DIR
import { launch } from './browser.mjs';

const [sheets, out] = process.argv.slice(2);
const fail = (msg) => { console.error('auditbladtest: ' + msg); process.exit(1); };
const { browser, newPage, errors } = await launch();
const page = await newPage({ viewport: { width: 900, height: 1200 } });
await page.emulateMedia({ media: 'print' });
await page.goto('file://' + sheets);
if ((await page.locator('section.cover').count()) !== 1) fail('geen voorblad');
const n = await page.locator('section.sheet').count();
if (n < 2) fail(`${n} auditbladen`);
let checked = 0;
for (let s = 0; s < 2; s++) {
  const labels = page.locator('section.sheet').nth(s).locator('.keuzes label');
  const count = await labels.count();
  if (count < 6) fail(`blad ${s + 1}: maar ${count} keuzevakjes`);
  for (let i = 0; i < count; i++) {
    const label = labels.nth(i);
    const box = label.locator('input[type=radio]');
    if ((await box.count()) !== 1) fail(`blad ${s + 1}, vakje ${i + 1}: niet één vakje in het label`);
    const word = (await label.textContent()).trim();
    if (word !== (await box.getAttribute('value'))) fail(`blad ${s + 1}: label '${word}' hoort niet bij vakje '${await box.getAttribute('value')}'`);
    const lb = await label.boundingBox(), bb = await box.boundingBox();
    if (!lb || !bb || bb.y < lb.y - 1 || bb.y + bb.height > lb.y + lb.height + 1 || bb.x > lb.x + 4)
      fail(`blad ${s + 1}: vakje '${word}' staat niet vóór zijn woord op dezelfde regel`);
  }
  // Tick "ja" and then "nee" of the first norm by clicking their words: one answer stays.
  const row = page.locator('section.sheet').nth(s).locator('table.normen tbody tr, table.normen tr').nth(1);
  await row.getByText('ja', { exact: true }).click();
  await row.getByText('nee', { exact: true }).click();
  const ticked = await row.locator('input:checked').evaluateAll((els) => els.map((e) => e.value));
  if (ticked.length !== 1 || ticked[0] !== 'nee') fail(`blad ${s + 1}: aangevinkt ${JSON.stringify(ticked)} in plaats van nee`);
  checked += 1;
}
await page.locator('section.sheet').first().screenshot({ path: out + '/auditblad-ingevuld.png' });
if (errors.length) fail('fouten in de console: ' + errors.join(' | '));
console.log(`auditbladtest geslaagd: ${n} bladen, vakjes op ${checked} bladen gecontroleerd`);
await browser.close();
