#!/usr/bin/env node
// End-to-end: one stream in one player in headless Chromium, through
// web/players.html (hls.js, dash.js or Shaka Player, vendored in web/vendor).
// Plays 10 s from the start with no fatal error, audio and video decoded,
// forces a switch to another rung and plays 4 s more without stalling.
//
//   node tests/e2e/play_players.mjs BASE_URL PLAYER STREAM_PATH [SCREENSHOT_ON_FAILURE.png]
//
// PLAYER: hlsjs | dashjs | shaka. Prints a JSON summary; exits 1 with the
// reason when anything fails. WS_E2E_TIMEOUT_S bounds each phase (default 120).
import { fail, runInChromium, sleep } from './browser.mjs';

const PLAY_FIRST_S = 10;
const PLAY_AFTER_SWITCH_S = 4;
const PHASE_TIMEOUT_MS = Number(process.env.WS_E2E_TIMEOUT_S || 120) * 1000;
const POLL_MS = 250;

const [baseUrl, player, streamPath, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !player || !streamPath) {
  console.error('usage: node tests/e2e/play_players.mjs BASE_URL PLAYER STREAM_PATH [SCREENSHOT.png]');
  process.exit(2);
}
const summary = { ok: false, player, stream: streamPath, phases: {} };

function state(page) {
  return page.evaluate(() => {
    const c = window.wsCheck;
    const v = c.video;
    const quality = v.getVideoPlaybackQuality();
    return {
      errors: c.errors, warnings: c.warnings, currentTime: v.currentTime, duration: v.duration,
      ended: v.ended, paused: v.paused, readyState: v.readyState, videoHeight: v.videoHeight,
      decodedFrames: quality.totalVideoFrames, audioBytes: v.webkitAudioDecodedByteCount || 0,
    };
  });
}

// Polls until the playhead reaches `target`; a fatal player error or a
// playhead that stops for the whole phase fails.
async function playUntil(page, target, what) {
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  for (;;) {
    const s = await state(page);
    if (s.errors.length) fail(`${what}: fatal ${player} error ${s.errors.join('; ')}`);
    if (s.currentTime >= target) return s;
    if (s.ended) fail(`${what}: the video ended at ${s.currentTime}s before ${target}s`);
    if (Date.now() > deadline) {
      fail(`${what}: the playhead is at ${s.currentTime.toFixed(2)}s after ${PHASE_TIMEOUT_MS / 1000}s, wanted ` +
        `${target}s (readyState ${s.readyState}, paused ${s.paused}, warnings ${s.warnings.join(', ')})`);
    }
    await sleep(POLL_MS);
  }
}

// Another rung, chosen by the page's player API; every rung shares the grid,
// so the picture changes size and playback goes on.
async function switchRung(page, before) {
  const heights = await page.evaluate(() => window.wsCheck.heights());
  if (new Set(heights).size < 2) fail(`${player} knows ${heights.length} rung(s) (${heights}), wanted a ladder`);
  const to = heights.findIndex((h) => h !== before.videoHeight);
  await page.evaluate((index) => window.wsCheck.switchTo(index), to);
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  let s = before;
  while (s.videoHeight !== heights[to] || s.currentTime < before.currentTime + PLAY_AFTER_SWITCH_S) {
    if (Date.now() > deadline) {
      fail(`after the switch to ${heights[to]}p: picture ${s.videoHeight}p at ${s.currentTime.toFixed(2)}s`);
    }
    await sleep(POLL_MS);
    s = await playUntil(page, before.currentTime + PLAY_AFTER_SWITCH_S, `playing across the switch to ${heights[to]}p`);
  }
  const stalls = s.warnings.filter((w) => w.includes('bufferStalledError')).length -
    before.warnings.filter((w) => w.includes('bufferStalledError')).length;
  if (stalls > 0) fail(`the switch to ${heights[to]}p stalled ${stalls} time(s)`);
  return { ...s, heights };
}

await runInChromium('play_players', summary, screenshotPath, async (page) => {
  page.setDefaultTimeout(30000);
  const started = Date.now();
  const url = new URL('/web/players.html', baseUrl);
  url.searchParams.set('player', player);
  url.searchParams.set('src', streamPath);
  await page.goto(url.href);
  let s = await playUntil(page, PLAY_FIRST_S, 'playing from the start');
  if (s.decodedFrames === 0 || s.videoHeight === 0) fail('time advances but no video frame was decoded');
  if (s.audioBytes === 0) fail('no audio was decoded');
  summary.phases.play = { wall_ms: Date.now() - started, current_time: s.currentTime, video_height: s.videoHeight,
    decoded_frames: s.decodedFrames, audio_bytes: s.audioBytes };
  s = await switchRung(page, s);
  summary.phases.rung_switch = { current_time: s.currentTime, video_height: s.videoHeight, heights: s.heights };
  summary.warnings = s.warnings;
});
