// Keeping every screen of a live class on the same moment. Players sync
// nothing by themselves: each page measures the server's clock (/api/time)
// and keeps its player at "server now minus a fixed delay", read against the
// program date time of the picture it shows, nudging playbackRate within
// 0.95–1.05 and seeking only when more than a second off.

// Behind the class clock by this much, every screen has the segment it needs
// already listed (a segment is listed once the class clock passes its end).
export const SYNC_DELAY_MS = 10000;
const SEEK_BEYOND_S = 1;
const DEAD_BAND_S = 0.04;
const RATE_PER_SECOND_OFF = 0.5;  // 0.1 s behind → 1.05: corrected in a few seconds, never a jump

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

// What to do to a player showing `shownMs` (wall-clock time of its picture)
// when it should show `targetMs`: {seekBy: seconds} or {rate}.
export function syncStep(shownMs, targetMs) {
  const behind = (targetMs - shownMs) / 1000;
  if (Math.abs(behind) > SEEK_BEYOND_S) return { seekBy: behind };
  if (Math.abs(behind) < DEAD_BAND_S) return { rate: 1 };
  return { rate: clamp(1 + behind * RATE_PER_SECOND_OFF, 0.95, 1.05) };
}

// The server's clock as this page sees it: the sample with the shortest round
// trip of a few, halfway through it.
export class ServerClock {
  constructor() { this.offsetMs = 0; this.roundTripMs = Infinity; }

  async calibrate(samples = 5) {
    for (let i = 0; i < samples; i += 1) {
      const sent = Date.now();
      const answer = await fetch('/api/time', { cache: 'no-store' }).then((r) => r.json());
      const received = Date.now();
      const roundTrip = received - sent;
      if (roundTrip < this.roundTripMs) {
        this.roundTripMs = roundTrip;
        this.offsetMs = answer.epoch_ms + roundTrip / 2 - received;
      }
    }
    return this;
  }

  now() { return Date.now() + this.offsetMs; }
}

// The wall-clock time of the picture on screen: hls.js reads it from
// EXT-X-PROGRAM-DATE-TIME; Safari's own player exposes the stream's start date.
function shownTime(video, hls) {
  if (hls && hls.playingDate) return hls.playingDate.getTime();
  if (!hls && typeof video.getStartDate === 'function') {
    const start = video.getStartDate().getTime();
    if (!Number.isNaN(start)) return start + video.currentTime * 1000;
  }
  return null;
}

// Every `everyMs`, moves the player toward the class clock; reports
// {offsetMs: shown − target} through onStatus and on video.dataset.syncOffsetMs.
// A class younger than the delay has nothing that early to show: the player
// holds on its first picture until the class clock reaches it.
export function keepInSync(video, getHls, clock, { delayMs = SYNC_DELAY_MS, everyMs = 500, onStatus } = {}) {
  let holding = false;
  const step = () => {
    const shown = shownTime(video, getHls());
    if (shown === null || video.readyState < 2 || (video.paused && !holding)) return;
    const target = clock.now() - delayMs;
    video.dataset.syncOffsetMs = String(Math.round(shown - target));
    if (holding) {
      if (target >= shown) { holding = false; video.play().catch(() => {}); }
      return;
    }
    const move = syncStep(shown, target);
    if (move.seekBy !== undefined) {
      const earliest = video.seekable.length ? video.seekable.start(0) : 0;
      if (video.currentTime + move.seekBy < earliest) {
        holding = true;
        video.pause();
        return;
      }
      video.currentTime += move.seekBy;
    } else {
      video.playbackRate = move.rate;
    }
    if (onStatus) onStatus({ offsetMs: shown - target, rate: video.playbackRate });
  };
  const timer = setInterval(step, everyMs);
  return () => clearInterval(timer);
}

// hls.js settings for a class: start at our delay and leave catching up to us.
export function liveHlsConfig(delayMs = SYNC_DELAY_MS) {
  const delay = delayMs / 1000;
  return { liveSyncDuration: delay, liveMaxLatencyDuration: delay + 20, maxLiveSyncPlaybackRate: 1,
    lowLatencyMode: false };
}
