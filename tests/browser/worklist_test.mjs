// Issue 29: werkvoorraad.html and scheiding.html at 1366 and 390 px — the page itself never pans sideways —
// and the werkvoorraad's team filter: choosing a team leaves only that team's section visible. Screenshots
// of each page at each width go to OUT_DIR.
// Usage: node worklist_test.mjs OUT_DIR werkvoorraad.html scheiding.html
import { launch } from './browser.mjs';
import { basename } from 'node:path';

const [out, worklist, ...others] = process.argv.slice(2);
const { browser, newPage, errors } = await launch();
let failed = false;
const fail = (m) => { console.error('werkvoorraadtest: ' + m); failed = true; };
for (const file of [worklist, ...others]) {
  for (const width of [1366, 390]) {
    const page = await newPage({ viewport: { width, height: width > 400 ? 900 : 844 } });
    await page.goto('file://' + file, { waitUntil: 'load', timeout: 240000 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) fail(`${basename(file)} is ${scroll} px breed op een scherm van ${width} px`);
    await page.screenshot({ path: `${out}/${basename(file, '.html')}-${width}.png` });
    if (file === worklist) {
      const teams = await page.$$eval('#teamfilter option', (os) => os.map((o) => o.value).filter((v) => v));
      if (teams.length < 2) fail(`het teamfilter heeft ${teams.length} teams`);
      else {
        await page.selectOption('#teamfilter', teams[1]);
        const shown = await page.$$eval('section.team', (ss) => ss.filter((s) => !s.hidden && s.offsetParent !== null)
          .map((s) => s.getAttribute('data-team')));
        if (shown.length !== 1 || shown[0] !== teams[1])
          fail(`na het kiezen van team ${teams[1]} zichtbaar: ${shown.join(', ') || 'niets'}`);
        await page.screenshot({ path: `${out}/${basename(file, '.html')}-${width}-team.png` });
        await page.selectOption('#teamfilter', '');
        const all = await page.$$eval('section.team', (ss) => ss.filter((s) => !s.hidden).length);
        if (all !== teams.length) fail(`'alle teams' toont ${all} van ${teams.length} teams`);
      }
    }
    await page.close();
  }
}
// A dossier link lands with its heading below the sticky search bar and its timeline open (issue 29).
const link = await (async () => {
  const page = await newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto('file://' + worklist, { waitUntil: 'load', timeout: 240000 });
  const href = await page.$eval('a[href^="rapport.html#dossier-"]', (a) => a.href).catch(() => null);
  await page.close();
  return href;
})();
if (!link) fail('geen link naar een dossier in rapport.html');
else {
  for (const width of [1366, 390]) {
    const page = await newPage({ viewport: { width, height: 900 } });
    await page.goto(link, { waitUntil: 'load', timeout: 240000 });
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const block = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const bar = document.getElementById('zoeken');
      if (!block) return { found: false };
      const top = block.getBoundingClientRect().top;
      const below = bar && !bar.hidden ? bar.getBoundingClientRect().bottom : 0;
      return { found: true, top, below, height: innerHeight,
               open: [...block.querySelectorAll('details')].every((d) => d.open) };
    });
    if (!state.found) fail(`${link}: het dossier staat niet in rapport.html`);
    else {
      if (state.top < state.below - 1 || state.top > state.height / 2)
        fail(`${width} px: de kop van het dossier staat op ${Math.round(state.top)} px, de zoekbalk eindigt op ${Math.round(state.below)} px`);
      if (!state.open) fail(`${width} px: de tijdlijn van het dossier is niet open`);
    }
    await page.screenshot({ path: `${out}/rapport-dossier-${width}.png` });
    await page.close();
  }
}
await browser.close();
if (errors.length) fail('fouten in de browserconsole: ' + errors.join('; '));
if (failed) process.exit(1);
console.log('werkvoorraadtest geslaagd: werkvoorraad en scheiding op 1366 en 390 px, teamfilter werkt, link naar een dossier landt op zijn tijdlijn');
