// The coach's dashboard: a gym's live classes (GET /api/gyms/{gym}/live-sessions),
// a new class from a sentence (the coach writes the workout) or a stored
// workout, and the chosen class: its code, its controls, and its board fed by
// the class socket under the coach's own sign-in.
import { setUpAccount } from './account.js';
import { savedSession } from './api.js';
import { chosenGym, fillGymSelect, workingGyms } from './gym_choice.js';
import { ClassBoard } from './live_board.js';
import { openClassSocket } from './live_socket.js';
import { showState } from './live_view.js';
import { api, gymPath, post } from './manager_api.js';
import { $, el, clearFormErrors, showFormError } from './manager_ui.js';

const GYM_KEY = 'ws.coach.gym';
const CLASS_ROLES = new Set(['manager', 'coach']);
let gyms = [];
let current = null;  // {gym, session, socket, board}

const gym = () => chosenGym($('gym-select'), gyms, GYM_KEY);
const sessionsPath = (...parts) => gymPath(gym().id, 'live-sessions', ...parts);

function classItem(session) {
  const when = new Date(session.starts_at || session.created_at).toLocaleString();
  const counts = `${session.participant_count ?? 0} joined · ${session.event_count ?? 0} readings`;
  const button = el('button', { type: 'button', className: 'member-row', dataset: { id: session.id } },
    el('strong', {}, session.code), ` ${session.state} · ${when} · ${counts}`);
  button.onclick = () => openClass(session);
  return el('li', {}, button);
}

async function loadClasses() {
  const state = $('classes-state').value;
  const answer = await api(sessionsPath() + (state ? `?state=${encodeURIComponent(state)}` : ''));
  const list = answer.live_sessions;
  $('classes').replaceChildren(...list.map(classItem));
  $('classes').dataset.count = String(list.length);
}

function showClass(session) {
  current.session = session;
  $('class-code').textContent = session.code;
  showState($('class-state'), session);
  const ends = session.expires_at ? `ends by ${new Date(session.expires_at).toLocaleTimeString()}` : '';
  $('class-times').textContent = [session.starts_at && `starts ${new Date(session.starts_at).toLocaleTimeString()}`, ends]
    .filter(Boolean).join(' · ');
  $('tv-link').href = `/tv/${encodeURIComponent(session.code)}`;
  $('join-link').href = `/join?code=${encodeURIComponent(session.code)}`;
  const allowed = { start: ['scheduled'], pause: ['live'], resume: ['paused'], end: ['scheduled', 'live', 'paused'] };
  for (const button of $('class-controls').querySelectorAll('button')) {
    button.disabled = !allowed[button.dataset.action].includes(session.state);
  }
}

function openClass(session) {
  if (current && current.socket) current.socket.close();
  const board = new ClassBoard($('board'));
  current = { session, board, socket: null };
  $('class-panel').hidden = false;
  showClass(session);
  current.socket = openClassSocket(session.ws_url || `/live/${encodeURIComponent(session.code)}/ws`,
    savedSession().token, {
      onMessage: (message) => {
        if (message.type === 'state') showClass({ ...current.session, state: message.state });
        else if (board.apply(message)) $('participant-count').textContent = $('board').dataset.count;
      },
      onStatus: (status) => { $('class-panel').dataset.socket = status; },
    });
}

async function control(action) {
  $('class-status').textContent = '';
  try {
    const session = await post(sessionsPath(current.session.id, action), {});
    showClass({ ...current.session, ...session });
    await loadClasses();
  } catch (error) {
    $('class-status').textContent = error.message;
  }
}

// The workout: a stored one by id, or one the coach writes from the sentence.
async function workoutFor(fields) {
  if (fields.workout_id) return fields.workout_id;
  if (!fields.sentence) throw Object.assign(new Error('Describe the workout, or give a stored workout\'s id.'), { field: 'sentence' });
  const written = await post('/api/generate-training', { user_input: fields.sentence });
  return written.sessionId;
}

async function createClass(event) {
  event.preventDefault();
  const form = event.target;
  clearFormErrors(form);
  const fields = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
  try {
    const body = { workout_id: await workoutFor(fields) };
    if (fields.expires_in_minutes) body.expires_in_minutes = Number(fields.expires_in_minutes);
    if (fields.trainee_name) body.trainee_name = fields.trainee_name;
    const session = await post(sessionsPath(), body);
    form.elements.sentence.value = '';
    form.elements.workout_id.value = '';
    await loadClasses();
    openClass(session);
  } catch (error) {
    showFormError(form, error);
  }
}

function showGym() {
  const chosen = gym();
  for (const id of ['new-class-panel', 'classes-panel']) $(id).hidden = !chosen;
  if (chosen) loadClasses().catch((error) => { $('gym-status').textContent = error.message; });
}

async function onAccount(session) {
  $('gym-panel').hidden = !session;
  if (!session) { gyms = []; $('gym-select').replaceChildren(); showGym(); return; }
  try {
    gyms = await workingGyms(CLASS_ROLES);
    fillGymSelect($('gym-select'), gyms, GYM_KEY);
    $('gym-status').textContent = gyms.length ? '' : 'You coach at no gym yet: a manager adds you as a coach.';
    showGym();
  } catch (error) {
    $('gym-status').textContent = error.message;
  }
}

$('gym-select').onchange = showGym;
$('classes-state').onchange = () => loadClasses();
$('new-class-form').onsubmit = createClass;
for (const button of $('class-controls').querySelectorAll('button')) button.onclick = () => control(button.dataset.action);
setUpAccount({ onChange: onAccount });
