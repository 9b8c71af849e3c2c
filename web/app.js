// The Train page: catalog with filters, a selection to order, settings,
// workout creation through the REST API, the coach that writes a workout
// from a sentence, an account with its history, and the player.
import { setUpAccount, startSession } from './js/account.js';
import { api, createStream } from './js/api.js';
import { setUpAssistant } from './js/assistant.js';
import { Player } from './js/player.js';

const state = { catalog: [], selection: [], workout: null };
const $ = (id) => document.getElementById(id);

function button(text, label, onclick) {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text, onclick });
  if (label) b.setAttribute('aria-label', label);
  return b;
}

function card(exercise) {
  const li = document.createElement('li');
  const add = button('', `Add ${exercise.name}`, () => { state.selection.push(exercise); renderSelection(); });
  add.className = 'card';
  add.dataset.exerciseId = exercise.id;
  const img = Object.assign(document.createElement('img'), { alt: '', src: exercise.thumbnail_url || '' });
  const name = Object.assign(document.createElement('strong'), { textContent: `${exercise.icon || ''} ${exercise.name}` });
  const meta = Object.assign(document.createElement('span'), {
    className: 'meta', textContent: `${exercise.difficulty}${exercise.has_jump ? ' · jumps' : ''}` });
  const tags = exercise.categories.map((c) => Object.assign(document.createElement('span'), { className: 'tag', textContent: c }));
  add.append(img, name, meta, ...tags);
  li.append(add);
  return li;
}

function move(index, by) {
  const to = index + by;
  if (to < 0 || to >= state.selection.length) return;
  [state.selection[index], state.selection[to]] = [state.selection[to], state.selection[index]];
  renderSelection();
}

function renderSelection() {
  $('selection').replaceChildren(...state.selection.map((exercise, index) => {
    const li = document.createElement('li');
    const name = Object.assign(document.createElement('span'), { textContent: exercise.name });
    li.append(name,
      button('↑', `Move ${exercise.name} up`, () => move(index, -1)),
      button('↓', `Move ${exercise.name} down`, () => move(index, 1)),
      button('✕', `Remove ${exercise.name}`, () => { state.selection.splice(index, 1); renderSelection(); }));
    return li;
  }));
}

async function loadCatalog() {
  const form = new FormData($('filters'));
  const query = new URLSearchParams();
  for (const key of ['difficulty', 'category']) if (form.get(key)) query.set(key, form.get(key));
  if (form.get('no_jump')) query.set('no_jump', 'true');
  state.catalog = await api(`/api/exercises?${query}`);
  $('catalog').replaceChildren(...state.catalog.map(card));
  $('catalog').dataset.loaded = 'true';
}

async function loadCategories() {
  const categories = await api('/api/categories');
  for (const c of categories) $('category-filter').append(new Option(c.name, c.name));
}

function minutes(seconds) {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// A workout ready to play, made by hand or by the coach.
function showWorkout(workout) {
  state.workout = workout;
  $('workout-title').textContent = workout.name;
  $('workout-summary').textContent =
    `${minutes(workout.total_duration)} min · ${workout.rounds} rounds · ${workout.exercises.length} exercises: ` +
    workout.exercises.map((item) => (item.exercise ? item.exercise.name : item.exercise_id)).join(', ');
  $('workout').dataset.workoutId = workout.id;
  $('workout').hidden = false;
  $('play').focus();
}

async function createWorkout(event) {
  event.preventDefault();
  if (state.selection.length === 0) {
    $('status').textContent = 'Add at least one exercise first.';
    return;
  }
  const form = new FormData($('settings'));
  const body = {
    name: 'My workout',
    exercises: state.selection.map((e) => ({ exercise_id: e.id })),
    config: {
      intensity: form.get('intensity'),
      intervals: { work_time: Number(form.get('work_time')), rest_time: Number(form.get('rest_time')) },
      rounds: Number(form.get('rounds')),
      include_warm_up: form.get('include_warm_up') === 'on',
      include_cool_down: form.get('include_cool_down') === 'on',
    },
  };
  try {
    showWorkout(await api('/api/workouts', { method: 'POST', body: JSON.stringify(body) }));
    $('status').textContent = 'Workout created.';
  } catch (error) {
    $('status').textContent = `Could not create the workout: ${error.message}`;
  }
}

function showPlayerMessage(text, kind) {
  $('player-message').textContent = text;
  $('player-message').className = kind;
}

const player = new Player($('video'), showPlayerMessage);

async function playWorkout() {
  if (!state.workout) return;
  $('player-panel').hidden = false;
  $('player-panel').scrollIntoView({ block: 'start' });
  showPlayerMessage('Preparing the stream…', 'info');
  try {
    const stream = await createStream(state.workout.id);
    $('stream-info').textContent = JSON.stringify(stream, null, 2);
    showPlayerMessage(`${minutes(stream.duration_seconds)} of video, ${stream.segment_count} segments.`, 'info');
    await player.load(stream);
    await startSession(state.workout.id);
  } catch (error) {
    showPlayerMessage(`Could not start the stream: ${error.message}`, 'error');
  }
}

$('filters').onchange = () => loadCatalog().catch((e) => { $('status').textContent = e.message; });
$('settings').onsubmit = createWorkout;
$('play').onclick = playWorkout;
setUpAssistant(showWorkout);
setUpAccount();
loadCategories().then(loadCatalog).catch((e) => { $('status').textContent = `Could not load the catalog: ${e.message}`; });
