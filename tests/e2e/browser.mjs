// What the end-to-end scripts share: playwright-core from web/node_modules,
// Debian's headless Chromium with autoplay allowed, failures as exceptions,
// and the run wrapper that prints a JSON summary and exits 0 or 1 (with a
// screenshot on failure when a path is given).
// Environment: WS_E2E_CHROMIUM (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, '../../web');

export class Failure extends Error {}
export const fail = (message) => { throw new Failure(message); };
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function loadPlaywright(name) {
  try {
    return createRequire(path.join(webDir, 'package.json'))('playwright-core');
  } catch (error) {
    console.error(`${name}: cannot load playwright-core from ${webDir}/node_modules ` +
      `(scripts/test and scripts/run install it: ws_install_web): ${error.message}`);
    process.exit(1);
  }
}

// Runs `body(page)` in a fresh headless Chromium; `summary` collects console
// and page errors and gets ok/failure; prints it and exits. On failure,
// `onFailure(page)` may add what the page still knows.
export async function runInChromium(name, summary, screenshotPath, body, onFailure = async () => {}) {
  const { chromium } = loadPlaywright(name);
  const started = Date.now();
  summary.console_errors = [];
  summary.page_errors = [];
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-e2e-chromium-'));
  let context;
  let exitCode = 1;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.WS_E2E_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') summary.console_errors.push(m.text()); });
    page.on('pageerror', (e) => summary.page_errors.push(e.message));
    try {
      await body(page);
      if (summary.page_errors.length) fail(`uncaught errors in the page: ${summary.page_errors.join('; ')}`);
      summary.ok = true;
      exitCode = 0;
    } catch (error) {
      summary.failure = error instanceof Failure ? error.message : String(error.stack || error);
      if (screenshotPath) {
        await page.screenshot({ path: screenshotPath, fullPage: true }).then(
          () => { summary.screenshot = screenshotPath; },
          (e) => { summary.screenshot_error = e.message; });
      }
      try { await onFailure(page); } catch { /* the page is gone */ }
    }
  } catch (error) {
    summary.failure = `cannot start Chromium: ${error.message}`;
  } finally {
    summary.wall_ms = Date.now() - started;
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(summary, null, 2));
  if (exitCode !== 0) console.error(`${name}: FAILED: ${summary.failure}`);
  process.exit(exitCode);
}
