#!/usr/bin/env node
// End-to-end: a live class as a gym runs it, in headless Chromium against the
// real server. The coach signs in on the dashboard (web/coach.html), creates
// a class from a stored workout and starts it; the class screen (/tv/{code})
// plays it; a participant joins seconds later (/join) and sends a heart
// rate, which reaches the coach's board and the screen's. After 15 s the two
// players show the same moment within 0.5 s. dash.js plays the class's
// dynamic MPD. Pause and resume reach the screen; End ends it.
//
//   node tests/e2e/live_class.mjs BASE_URL SETUP_JSON [SCREENSHOT_ON_FAILURE.png]
//
// SETUP_JSON: {"coach": {"email", "password"}, "gym": name, "workout_id": id}.
import { fail, runInChromium, sleep } from './browser.mjs';

const IN_SYNC_AFTER_MS = 15000;
const IN_SYNC_WITHIN_MS = 500;
const WAIT_MS = Number(process.env.WS_E2E_TIMEOUT_S || 120) * 1000;

const [baseUrl, setupText, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !setupText) {
  console.error('usage: node tests/e2e/live_class.mjs BASE_URL SETUP_JSON [SCREENSHOT.png]');
  process.exit(2);
}
const setup = JSON.parse(setupText);
const summary = { ok: false, steps: {} };
const at = (path) => new URL(path, baseUrl).href;

async function until(what, check, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) fail(`${what}: not after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

async function coachCreatesAndStarts(coach) {
  await coach.goto(at('/web/coach.html'));
  await coach.fill('#account-form [name=email]', setup.coach.email);
  await coach.fill('#account-form [name=password]', setup.coach.password);
  await coach.click('#sign-in');
  await coach.waitForSelector('#new-class-panel:not([hidden])');
  await coach.selectOption('#gym-select', { label: setup.gym });
  await coach.fill('#new-class-form [name=workout_id]', setup.workout_id);
  await coach.click('#new-class-form button[type=submit]');
  await coach.waitForSelector('#class-panel:not([hidden])');
  const code = (await coach.textContent('#class-code')).trim();
  if (!/^[A-Z0-9]{6}$/.test(code)) fail(`the dashboard shows the code "${code}"`);
  const size = await coach.$eval('#class-code', (e) => parseFloat(getComputedStyle(e).fontSize));
  if (size < 40) fail(`the code is ${size}px high: not readable across a room`);
  await coach.click('#class-controls [data-action=start]');
  await until('the dashboard shows the class live', () => coach.$eval('#class-state', (e) => e.dataset.state === 'live'));
  return code;
}

// Each page's picture time minus its server clock, read at the same moment.
async function lagsOf(pages) {
  return Promise.all(pages.map((p) => p.evaluate(() => {
    const live = window.wsLive;
    const date = live && live.player.hls && live.player.hls.playingDate;
    return date ? date.getTime() - live.clock.now() : null;
  })));
}

async function playing(page) {
  return page.evaluate(() => {
    const v = document.getElementById('video');
    return v.currentTime > 0 && !v.paused && v.readyState >= 3;
  });
}

async function participantJoins(join, code) {
  await join.goto(at(`/join?code=${code}`));
  await join.fill('#join-form [name=name]', 'Ines');
  await join.click('#join-form button[type=submit]');
  await join.waitForSelector('#class-panel:not([hidden])');
  await join.fill('#values-form [name=heart_rate]', '152');
  await join.click('#values-form button[type=submit]');
}

async function boardShows(page, name, bpm) {
  return until(`${page.url()} shows ${name} at ${bpm} bpm`, () => page.$$eval('#board .board-row', (rows, want) =>
    rows.some((r) => r.textContent.includes(want.name) && r.textContent.includes(`${want.bpm} bpm`) && r.dataset.zone),
  { name, bpm }));
}

async function dashPlays(dash, code) {
  await dash.goto(at(`/web/players.html?player=dashjs&src=${encodeURIComponent(`/live/${code}/manifest.mpd`)}`));
  const start = await until('dash.js starts the dynamic MPD', () => dash.evaluate(() => {
    const v = window.wsCheck && window.wsCheck.video;
    return v && v.currentTime > 0 ? v.currentTime : 0;
  }));
  await sleep(4000);
  const s = await dash.evaluate(() => ({ t: window.wsCheck.video.currentTime, errors: window.wsCheck.errors }));
  if (s.errors.length) fail(`dash.js: ${s.errors.join('; ')}`);
  if (s.t < start + 2) fail(`dash.js stopped at ${s.t.toFixed(2)} s`);
  return { start, after_4s: s.t };
}

await runInChromium('live_class', summary, screenshotPath, async (coach) => {
  coach.setDefaultTimeout(30000);
  const context = coach.context();
  const code = await coachCreatesAndStarts(coach);
  summary.steps.created = { code };

  const tv = await context.newPage();
  await tv.goto(at(`/tv/${code}`));
  await sleep(3000);  // the second screen starts seconds after the first
  const join = await context.newPage();
  await participantJoins(join, code);
  const joinedAt = Date.now();
  summary.steps.joined = { after_ms: joinedAt };

  await boardShows(coach, 'Ines', 152);
  await boardShows(tv, 'Ines', 152);
  await until('both players play', async () => (await playing(tv)) && (await playing(join)));
  await sleep(Math.max(0, joinedAt + IN_SYNC_AFTER_MS - Date.now()));
  const lags = await lagsOf([tv, join]);
  if (lags.some((l) => l === null)) fail(`a player has no program date time: ${lags}`);
  summary.steps.in_sync = { tv_lag_ms: lags[0], join_lag_ms: lags[1], apart_ms: Math.abs(lags[0] - lags[1]) };
  if (Math.abs(lags[0] - lags[1]) > IN_SYNC_WITHIN_MS) fail(`the screens are ${Math.abs(lags[0] - lags[1])} ms apart`);

  summary.steps.dash = await dashPlays(await context.newPage(), code);

  await coach.click('#class-controls [data-action=pause]');
  await until('the screen shows the pause', () => tv.$eval('#state', (e) => e.dataset.state === 'paused'));
  await coach.click('#class-controls [data-action=resume]');
  await until('the screen shows the class live again', () => tv.$eval('#state', (e) => e.dataset.state === 'live'));
  await coach.click('#class-controls [data-action=end]');
  await until('the screen shows the end', () => tv.$eval('#state', (e) => e.dataset.state === 'ended'));
  await until('the join page shows the end', () => join.$eval('#state', (e) => e.dataset.state === 'ended'));
  summary.steps.ended = true;
});
