// The player: hls.js wherever Media Source Extensions exist, the browser's own
// HLS otherwise (Safari on iOS). Its state is public, for people and tests:
// window.wsPlayer = {hls, video, engine, state, stream, errors, warnings}, and
// data-engine / data-state / data-fatal-errors on the <video>.
//
// Fatal hls.js errors are shown and recovered as hls.js's documentation
// advises: media errors with hls.recoverMediaError(), network errors with
// hls.startLoad() (after a short pause, so a dead origin is not hammered);
// anything else, or too many attempts, stops the player.

const MAX_RECOVERIES = 3;
const MAX_WARNINGS = 50;

export class Player {
  // video: the <video> element; onMessage(text, kind): status for the user
  // (kind 'info' or 'error').
  constructor(video, onMessage) {
    this.video = video;
    this.onMessage = onMessage;
    this.hls = null;
    this.recoveries = { media: 0, network: 0 };
    this.troubled = false;  // a problem was shown: say so when playback resumes
    this.public = { hls: null, video, engine: 'none', state: 'idle', stream: null, errors: [], warnings: [] };
    window.wsPlayer = this.public;
    for (const [event, state] of [['playing', 'playing'], ['pause', 'paused'], ['waiting', 'buffering'],
      ['ended', 'ended'], ['seeking', 'seeking']]) {
      video.addEventListener(event, () => {
        if (this.public.state === 'error') return;
        if (this.troubled && state === 'playing') {
          this.troubled = false;
          this.onMessage('Playback recovered.', 'info');
        }
        this.#setState(state);
      });
    }
    video.addEventListener('error', () => {
      // With hls.js, its own ERROR events say more; native playback only has this.
      if (this.public.engine !== 'native' || !video.error) return;
      this.#fatal({ type: 'mediaError', details: `MediaError ${video.error.code}`,
        message: video.error.message || 'the browser could not play the stream' }, 'gave-up');
    });
  }

  // Plays a stream as returned by POST /api/workouts/{id}/stream (or a live
  // class's join answer); hlsConfig: hls.js settings on top of ours.
  async load(stream, hlsConfig = {}) {
    this.stop();
    Object.assign(this.public, { stream, errors: [], warnings: [] });
    this.recoveries = { media: 0, network: 0 };
    this.troubled = false;
    this.video.dataset.fatalErrors = '0';
    const Hls = window.Hls;
    if (Hls && Hls.isSupported()) {
      this.#startHlsJs(Hls, stream.hls_url, hlsConfig);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.#setEngine('native');
      this.video.src = stream.hls_url;
    } else {
      this.#fatal({ type: 'unsupported', details: 'no_hls_support',
        message: 'this browser cannot play HLS (and the hls.js player did not load)' }, 'gave-up');
      return;
    }
    this.#setState('loading');
    try {
      await this.video.play();
    } catch (error) {
      if (error.name === 'NotAllowedError') this.onMessage('Press play to start the workout.', 'info');
      // AbortError: a newer load() replaced this one; errors are reported by events.
    }
  }

  stop() {
    if (this.hls) this.hls.destroy();
    this.hls = this.public.hls = null;
    this.video.removeAttribute('src');
    this.video.load();
    this.#setEngine('none');
    this.#setState('idle');
  }

  #startHlsJs(Hls, url, hlsConfig) {
    const hls = new Hls({ enableWorker: true, backBufferLength: 60, ...hlsConfig });
    this.hls = this.public.hls = hls;
    this.#setEngine('hls.js');
    hls.on(Hls.Events.ERROR, (_event, data) => this.#onHlsError(Hls, hls, data));
    hls.loadSource(url);
    hls.attachMedia(this.video);
  }

  #onHlsError(Hls, hls, data) {
    if (hls !== this.hls) return;  // a player that was replaced
    const entry = { type: data.type, details: data.details, fatal: data.fatal,
      message: data.error ? data.error.message : data.details, time: this.video.currentTime };
    if (!data.fatal) {
      this.public.warnings.push(entry);
      if (this.public.warnings.length > MAX_WARNINGS) this.public.warnings.shift();
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        this.troubled = true;
        this.onMessage(`Network problem, retrying — ${entry.details} (${entry.message})`, 'info');
      }
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.recoveries.media < MAX_RECOVERIES) {
      this.recoveries.media += 1;
      this.#fatal(entry, 'recover-media');
      hls.recoverMediaError();
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && this.recoveries.network < MAX_RECOVERIES) {
      this.recoveries.network += 1;
      this.#fatal(entry, 'restart-load');
      setTimeout(() => { if (hls === this.hls) hls.startLoad(); }, 1000 * this.recoveries.network);
    } else {
      this.#fatal(entry, 'gave-up');
      hls.destroy();
      this.hls = this.public.hls = null;
    }
  }

  // Records a fatal error and tells the user what happens next.
  #fatal(entry, action) {
    this.public.errors.push({ ...entry, fatal: true, action });
    this.video.dataset.fatalErrors = String(this.public.errors.length);
    const what = `${entry.type}: ${entry.details}${entry.message && entry.message !== entry.details ? ` (${entry.message})` : ''}`;
    if (action === 'gave-up') {
      this.#setState('error');
      this.onMessage(`Playback stopped — ${what}`, 'error');
    } else {
      this.troubled = true;
      this.#setState('recovering');
      this.onMessage(`Playback problem, recovering — ${what}`, 'error');
    }
  }

  #setEngine(engine) {
    this.public.engine = engine;
    this.video.dataset.engine = engine;
  }

  #setState(state) {
    this.public.state = state;
    this.video.dataset.state = state;
  }
}
