// players.html: attaches the player named in ?player= to the stream in ?src=
// and keeps what a test needs on window.wsCheck: the video element, the
// player, its fatal errors and the renditions it knows (heights).
const params = new URLSearchParams(location.search);
const video = document.getElementById('video');
const check = { player: params.get('player'), src: params.get('src'), video, errors: [], warnings: [], api: null };
window.wsCheck = check;

const report = (list, what) => {
  list.push(typeof what === 'string' ? what : JSON.stringify(what));
  document.getElementById('status').textContent = JSON.stringify({ errors: check.errors, warnings: check.warnings });
};

function startHlsJs() {
  const hls = new Hls();
  hls.on(Hls.Events.ERROR, (_, data) => report(data.fatal ? check.errors : check.warnings, data.details));
  hls.loadSource(check.src);
  hls.attachMedia(video);
  check.api = hls;
  check.heights = () => hls.levels.map((l) => l.height);
  // nextLevel, as a quality menu would: the playing fragment plays out.
  check.switchTo = (index) => { hls.nextLevel = index; };
}

function startDashJs() {
  const player = dashjs.MediaPlayer().create();
  player.on(dashjs.MediaPlayer.events.ERROR, (e) => report(check.errors, e.error || e));
  player.initialize(video, check.src, true);
  check.api = player;
  check.heights = () => player.getRepresentationsByType('video').map((r) => r.height);
  check.switchTo = (index) => {
    player.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: false } } } });
    player.setRepresentationForTypeByIndex('video', index, true);
  };
}

async function startShaka() {
  shaka.polyfill.installAll();
  const player = new shaka.Player();
  // Headless Chromium on a busy machine decodes in software and drops
  // frames; Shaka would then ban the larger rung for a while, which says
  // something about the test machine, not about the stream.
  player.configure({ abr: { droppedFrames: false } });
  await player.attach(video);
  player.addEventListener('error', (e) => report(e.detail.severity === 2 ? check.errors : check.warnings, e.detail));
  check.api = player;
  check.heights = () => player.getVariantTracks().map((t) => t.height);
  check.switchTo = (index) => {
    player.configure({ abr: { enabled: false } });
    player.selectVariantTrack(player.getVariantTracks()[index], true);
  };
  try {
    await player.load(check.src);
  } catch (e) {
    report(check.errors, { code: e.code, data: e.data });
  }
}

const starters = { hlsjs: startHlsJs, dashjs: startDashJs, shaka: startShaka };
if (!starters[check.player]) report(check.errors, `unknown player "${check.player}"`);
else Promise.resolve(starters[check.player]()).catch((e) => report(check.errors, String(e)));
