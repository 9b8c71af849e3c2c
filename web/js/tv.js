// The class screen: /tv/{code}. The video needs nothing but the code; the
// board needs the coach's sign-in (the saved session of api.js).
import { savedSession } from './api.js';
import { ClassBoard } from './live_board.js';
import { openClassSocket } from './live_socket.js';
import { playInSync, showState } from './live_view.js';

const $ = (id) => document.getElementById(id);
const code = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() || '').toUpperCase();
const note = (text) => { $('note').textContent = text; };

$('code').textContent = code;
document.title = `Class ${code} — Workout Stream`;
const base = `/live/${encodeURIComponent(code)}`;

playInSync($('video'), `${base}/master.m3u8`, $('sync'), (text, kind) => { if (kind === 'error') note(text); })
  .catch((error) => note(`Cannot play the class: ${error.message}`));

const session = savedSession();
if (session && session.token) {
  const board = new ClassBoard($('board'));
  openClassSocket(`${base}/ws`, session.token, {
    onMessage: (message) => {
      if (message.type === 'state') showState($('state'), message);
      else board.apply(message);
    },
    onStatus: (status, event) => {
      if (status === 'closed' && event && event.code !== 1000) note(`Board unavailable: ${event.reason || event.code}`);
    },
  });
} else {
  note('Sign in as the class\'s coach on this screen to show the board.');
}
