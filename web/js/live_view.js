// What the class screen and the join page share: the class's live video kept
// on the class clock, and its state as the socket announces it.
import { keepInSync, liveHlsConfig, ServerClock } from './live_clock.js';
import { Player } from './player.js';

// Plays `hlsUrl` in `video` and keeps it on the class clock; `syncLabel`
// shows how far off it is. Resolves to the Player (window.wsPlayer is public).
export async function playInSync(video, hlsUrl, syncLabel, onMessage) {
  const clock = await new ServerClock().calibrate();
  const player = new Player(video, onMessage);
  await player.load({ hls_url: hlsUrl }, liveHlsConfig());
  keepInSync(video, () => player.hls, clock, {
    onStatus: ({ offsetMs, rate }) => {
      syncLabel.textContent = `in sync ±${Math.abs(Math.round(offsetMs))} ms · ×${rate.toFixed(2)}`;
    },
  });
  window.wsLive = { clock, player };
  return player;
}

// Shows a `state` message ({state: 'live' | 'paused' | 'ended' | 'scheduled'}).
export function showState(element, message) {
  element.textContent = message.state;
  element.dataset.state = message.state;
  document.body.dataset.classState = message.state;
}
