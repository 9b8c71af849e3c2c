#!/usr/bin/env node
// End-to-end: the demo page in headless Chromium (Debian's, driven by
// playwright-core from web/node_modules). A new user signs up, asks the coach
// for a workout in a sentence, reads the explanation and plays it (the
// session lands in their history); then builds a workout by hand, plays its
// HLS stream (a two-rung ladder) with hls.js, forces a switch to the other
// rung mid-play, seeks to the middle and plays on.
//
//   node tests/e2e/play_hls.mjs BASE_URL [SCREENSHOT_ON_FAILURE.png]
//
// Prints a JSON summary on stdout; exits 1 with the reason on stderr (and a
// screenshot when a path is given) when anything fails.
// Environment: WS_E2E_CHROMIUM (default /usr/bin/chromium),
// WS_E2E_TIMEOUT_S (wall-clock budget for each playback phase, default 120).
import { fail, runInChromium, sleep } from './browser.mjs';

const PLAY_FIRST_S = 10;     // media seconds to play from the start
const PLAY_AFTER_SEEK_S = 3; // media seconds to play past the seek target
const PLAY_AFTER_SWITCH_S = 4; // media seconds to play after a forced rung switch
const PHASE_TIMEOUT_MS = Number(process.env.WS_E2E_TIMEOUT_S || 120) * 1000;
const POLL_MS = 250;

const [baseUrl, screenshotPath] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node tests/e2e/play_hls.mjs BASE_URL [SCREENSHOT_ON_FAILURE.png]');
  process.exit(2);
}

const summary = { ok: false, base_url: baseUrl, phases: {} };
const started = Date.now();
let phaseStart = started;
function phase(name, extra = {}) {
  const now = Date.now();
  summary.phases[name] = { wall_ms: now - phaseStart, ...extra };
  phaseStart = now;
}

// The player's public state (see web/js/player.js).
function playerState(page) {
  return page.evaluate(() => {
    const p = window.wsPlayer;
    if (!p) return null;
    const v = p.video;
    const quality = v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality() : {};
    return {
      engine: p.engine, state: p.state, errors: p.errors, warnings: p.warnings.map((w) => w.details),
      stream: p.stream, currentTime: v.currentTime, duration: v.duration, paused: v.paused,
      ended: v.ended, readyState: v.readyState, videoWidth: v.videoWidth, videoHeight: v.videoHeight,
      decodedFrames: quality.totalVideoFrames || 0, droppedFrames: quality.droppedVideoFrames || 0,
      message: document.getElementById('player-message').textContent,
    };
  });
}

function checkNoFatal(state, when) {
  if (state.errors.length > 0) {
    fail(`fatal hls.js error ${when}: ${JSON.stringify(state.errors)} (page says: "${state.message}")`);
  }
}

// Polls until the playhead reaches `target` media seconds.
async function playUntil(page, target, what) {
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  let state;
  let lastTime = -1;
  let lastProgress = Date.now();
  for (;;) {
    state = await playerState(page);
    checkNoFatal(state, what);
    if (state.currentTime >= target) return state;
    if (state.ended) fail(`${what}: the video ended at ${state.currentTime}s before ${target}s`);
    if (state.currentTime !== lastTime) { lastTime = state.currentTime; lastProgress = Date.now(); }
    if (Date.now() > deadline) {
      fail(`${what}: the playhead is at ${state.currentTime.toFixed(2)}s after ${PHASE_TIMEOUT_MS / 1000}s, ` +
        `wanted ${target.toFixed(2)}s (state ${state.state}, readyState ${state.readyState}, ` +
        `paused ${state.paused}, last progress ${((Date.now() - lastProgress) / 1000).toFixed(1)}s ago, ` +
        `page says "${state.message}")`);
    }
    await sleep(POLL_MS);
  }
}

const COACH_SENTENCE = '5 minutes easy full body, no jumps';
const COACH_PLAY_S = 2;  // media seconds of the coach's workout to play

// Waits for the workout panel to show a workout other than `previousId`.
async function nextWorkoutId(page, previousId, what) {
  try {
    await page.waitForFunction((prev) => {
      const id = document.getElementById('workout').dataset.workoutId;
      return id && id !== prev;
    }, previousId);
  } catch {
    fail(`${what}: no workout (page says "${await page.locator('#status').textContent()}", ` +
      `"${await page.locator('#explanation').textContent()}")`);
  }
  return page.locator('#workout').getAttribute('data-workout-id');
}

// Presses Play and waits for the stream of `workoutId` to be loaded.
async function playWorkout(page, workoutId) {
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction((id) => window.wsPlayer && ((window.wsPlayer.stream &&
    window.wsPlayer.stream.hls_url.includes(id)) || window.wsPlayer.errors.length ||
    document.getElementById('player-message').className === 'error'), workoutId);
  const state = await playerState(page);
  checkNoFatal(state, 'at start');
  if (!state.stream) fail(`no stream: the page says "${state.message}"`);
  if (state.engine !== 'hls.js') fail(`expected the hls.js engine in Chromium, got "${state.engine}"`);
  return state;
}

async function signUpAndAskTheCoach(page) {
  await page.getByLabel('Email').fill(`e2e-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('e2e password 123');
  await page.getByRole('button', { name: 'Sign up' }).click();
  try {
    await page.locator('#signed-in:not([hidden])').waitFor();
  } catch {
    fail(`sign-up failed (page says "${await page.locator('#account-status').textContent()}")`);
  }
  phase('sign_up');

  await page.getByLabel('Describe your workout').fill(COACH_SENTENCE);
  await page.getByRole('button', { name: 'Generate' }).click();
  const workoutId = await nextWorkoutId(page, '', 'the coach');
  const explanation = await page.locator('#explanation').textContent();
  if (!explanation.includes('Exercises:') || !explanation.includes('No jumping exercises')) {
    fail(`the explanation does not explain: "${explanation}"`);
  }
  summary.coach = { workout_id: workoutId, explanation };
  phase('coach');

  await playWorkout(page, workoutId);
  await playUntil(page, COACH_PLAY_S, 'playing the coach\'s workout');
  await page.locator('#history[data-count="1"]').waitFor();
  phase('coach_play');
  return workoutId;
}

// Forces hls.js onto another rung mid-play, the way a quality menu does
// (nextLevel: the fragment playing now plays out, the next one comes from the
// new rung; currentLevel would also throw the buffer away, which stalls any
// on-demand origin while the new rung's segment renders). Every rung shares
// the segment grid and its IDR positions, so the switch must neither fail nor
// stall (no bufferStalledError) and the picture must take the new rung's size.
async function switchRung(page, state) {
  const heights = await page.evaluate(() => window.wsPlayer.hls.levels.map((l) => l.height));
  if (heights.length < 2) fail(`the master playlist lists ${heights.length} rung(s), wanted a ladder`);
  const from = heights.indexOf(state.videoHeight);
  const to = from === 0 ? 1 : 0;
  const stallsBefore = state.warnings.filter((w) => w === 'bufferStalledError').length;
  await page.evaluate((level) => { window.wsPlayer.hls.nextLevel = level; }, to);
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  let after = state;
  do {
    if (Date.now() > deadline) {
      fail(`after the switch to the ${heights[to]}p rung the picture is ${after.videoWidth}x${after.videoHeight}`);
    }
    after = await playUntil(page, after.currentTime + 1, `playing across the switch to rung ${to}`);
  } while (after.videoHeight !== heights[to] || after.currentTime < state.currentTime + PLAY_AFTER_SWITCH_S);
  const stalls = after.warnings.filter((w) => w === 'bufferStalledError').length - stallsBefore;
  if (stalls > 0) fail(`the switch to the ${heights[to]}p rung stalled playback ${stalls} time(s)`);
  return after;
}

async function run(page) {
  page.setDefaultTimeout(30000);
  await page.goto(new URL('/', baseUrl).href);
  await page.locator('#catalog[data-loaded="true"] button.card').nth(2).waitFor();
  const coachWorkoutId = await signUpAndAskTheCoach(page);
  const cards = page.locator('#catalog button.card');
  const count = await cards.count();
  for (let i = 0; i < 3; ++i) await cards.nth(i).click();
  if ((await page.locator('#selection li').count()) !== 3) fail('the selection does not hold 3 exercises');
  phase('catalog', { exercises_in_catalog: count });

  await page.getByLabel('Work (s)').fill('10');
  await page.getByLabel('Rest (s)').fill('5');
  await page.getByLabel('Rounds').fill('2');
  await page.getByRole('button', { name: 'Create workout' }).click();
  summary.workout_id = await nextWorkoutId(page, coachWorkoutId, 'creating the workout');
  phase('create');

  const playClicked = Date.now();
  let state = await playWorkout(page, summary.workout_id);
  summary.stream = state.stream;
  phase('stream');

  // What a user waits for: from pressing Play to the first frame moving.
  await page.waitForFunction(() => window.wsPlayer.video.currentTime > 0, null, { timeout: PHASE_TIMEOUT_MS });
  summary.play_to_motion_ms = Date.now() - playClicked;
  state = await playUntil(page, PLAY_FIRST_S, 'playing from the start');
  if (!(state.duration > 2 * (PLAY_FIRST_S + PLAY_AFTER_SEEK_S))) {
    fail(`the video is too short to test a seek: duration ${state.duration}s`);
  }
  if (state.decodedFrames === 0 || state.videoWidth === 0) fail('time advances but no video frame was decoded');
  phase('play_start', { current_time: state.currentTime, decoded_frames: state.decodedFrames,
    video_size: `${state.videoWidth}x${state.videoHeight}` });

  state = await switchRung(page, state);
  phase('rung_switch', { current_time: state.currentTime, video_size: `${state.videoWidth}x${state.videoHeight}` });

  const target = state.duration / 2;
  await page.evaluate((t) => { window.wsPlayer.video.currentTime = t; }, target);
  state = await playUntil(page, target + PLAY_AFTER_SEEK_S, `playing after the seek to ${target.toFixed(2)}s`);
  if (state.currentTime > target + PLAY_AFTER_SEEK_S + 30) {
    fail(`after the seek to ${target}s the playhead jumped to ${state.currentTime}s`);
  }
  phase('play_after_seek', { seek_target: target, current_time: state.currentTime, decoded_frames: state.decodedFrames });

  summary.duration = state.duration;
  summary.engine = state.engine;
  summary.non_fatal_errors = state.warnings;
  summary.dropped_frames = state.droppedFrames;
}

await runInChromium('play_hls', summary, screenshotPath, run, async (page) => {
  summary.player = await playerState(page);
});
