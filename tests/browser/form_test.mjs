// The zelftest form as a person uses it: headless Chromium (Debian's) driven by playwright-core.
// Opens the form, fills in some answers with mouse and keyboard, saves the answer file, loads it
// back into a fresh page and checks every answer came back. Fails on any console error.
// Usage: node form_test.mjs FORM.html SAVED.json
import { launch } from './browser.mjs';

const [form, saved] = process.argv.slice(2);
const fail = (msg) => { console.error('formuliertest: ' + msg); process.exit(1); };
const { browser, newPage, errors } = await launch();
const page = await newPage({ acceptDownloads: true });
await page.goto('file://' + form);

const questions = await page.locator('fieldset').count();
if (questions !== 15) fail(`${questions} vragen in plaats van 15`);
if ((await page.textContent('#voortgang-tekst')) !== '0 van 15 beantwoord') fail('voortgang begint niet bij 0');

await page.fill('#gemeente', 'Voorbeeldstad');
await page.selectOption('#perspectief', 'wmo-adviesraad');
await page.fill('#ingevuld_door', 'werkgroep');
await page.fill('#datum', '2026-01-15');
await page.check('input[name="q.ZT-BEL-1"][value="deels"]');
await page.fill('[id="t.ZT-BEL-1"]', 'alleen in hoofdlijnen');
await page.fill('[id="b.ZT-BEL-1"]', 'Beleidsplan 2024, §4.2');
await page.check('input[name="q.ZT-TOE-2"][value="ja"]');
// Validation as you type: an answer without a bron is pointed out.
if (!(await page.textContent('[id="w.ZT-TOE-2"]')).includes('Nog geen bron')) fail('geen melding bij een antwoord zonder bron');
await page.fill('[id="b.ZT-TOE-2"]', 'Verordening art. 12');
if ((await page.textContent('[id="w.ZT-TOE-2"]')) !== '') fail('melding blijft staan na het invullen van de bron');
// Keyboard: focus a choice and select it with the space bar.
await page.focus('input[name="q.ZT-INF-1"][value="weet_niet"]');
await page.keyboard.press('Space');
// ZT-LEV-1 per levensgebied: one area only is not yet an answer.
await page.check('input[name="q.ZT-LEV-1.zorg"][value="ja"]');
if ((await page.textContent('#voortgang-tekst')) !== '3 van 15 beantwoord') fail('voortgang klopt niet: ' + await page.textContent('#voortgang-tekst'));

const [download] = await Promise.all([page.waitForEvent('download'), page.click('#opslaan')]);
await download.saveAs(saved);

// Round trip: a fresh page, the saved file loaded back, the same answers.
const again = await newPage();
await again.goto('file://' + form);
await again.setInputFiles('#laden', saved);
await again.waitForFunction(() => document.getElementById('status').textContent.includes('geladen'));
const checks = [
  ['input[name="q.ZT-BEL-1"][value="deels"]', true], ['input[name="q.ZT-TOE-2"][value="ja"]', true],
  ['input[name="q.ZT-INF-1"][value="weet_niet"]', true], ['input[name="q.ZT-LEV-1.zorg"][value="ja"]', true],
  ['input[name="q.ZT-BEL-2"][value="ja"]', false],
];
for (const [sel, want] of checks) if ((await again.isChecked(sel)) !== want) fail('na laden anders: ' + sel);
if ((await again.inputValue('[id="t.ZT-BEL-1"]')) !== 'alleen in hoofdlijnen') fail('toelichting niet terug na laden');
if ((await again.inputValue('#gemeente')) !== 'Voorbeeldstad') fail('gemeente niet terug na laden');
if ((await again.textContent('#voortgang-tekst')) !== '3 van 15 beantwoord') fail('voortgang na laden klopt niet');
if (errors.length) fail('fouten in de browserconsole: ' + errors.join(' | '));
await browser.close();
console.log('formuliertest geslaagd: ' + saved);
