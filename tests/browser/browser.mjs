// Shared by the browser tests: Debian's Chromium, headless, driven by playwright-core, and every
// console error and page error of the pages opened through `newPage` collected in `errors`.
import { chromium } from 'playwright-core';

export async function launch() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const errors = [];
  const newPage = async (options = {}) => {
    const page = await browser.newPage(options);
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  };
  return { browser, newPage, errors };
}
