// The Train page: catalog with filters, a selection to order, settings, and
// workout creation through the REST API.
const state = { catalog: [], selection: [] };
const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const response = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function card(exercise) {
  const li = document.createElement('li');
  const tags = exercise.categories.map((c) => `<span class="tag">${c}</span>`).join('');
  li.innerHTML = `<img alt="" src="${exercise.thumbnail_url || ''}">
    <strong></strong><div>${exercise.difficulty}${exercise.has_jump ? ' · jumps' : ''}</div>${tags}`;
  li.querySelector('strong').textContent = `${exercise.icon || ''} ${exercise.name}`;
  li.onclick = () => { state.selection.push(exercise); renderSelection(); };
  return li;
}

function renderSelection() {
  const list = $('selection');
  list.replaceChildren(...state.selection.map((exercise, index) => {
    const li = document.createElement('li');
    li.textContent = exercise.name;
    const up = Object.assign(document.createElement('button'), { textContent: '↑', type: 'button' });
    up.onclick = () => { if (index > 0) { [state.selection[index - 1], state.selection[index]] = [state.selection[index], state.selection[index - 1]]; renderSelection(); } };
    const remove = Object.assign(document.createElement('button'), { textContent: '✕', type: 'button' });
    remove.onclick = () => { state.selection.splice(index, 1); renderSelection(); };
    li.append(up, remove);
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
}

async function loadCategories() {
  const categories = await api('/api/categories');
  for (const c of categories) $('category-filter').append(new Option(c.name, c.name));
}

async function createWorkout(event) {
  event.preventDefault();
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
    const workout = await api('/api/workouts', { method: 'POST', body: JSON.stringify(body) });
    $('status').textContent = `Workout ready: ${Math.round(workout.total_duration / 60)} min, ${workout.rounds} rounds`;
    $('result').textContent = JSON.stringify(workout, null, 2);
  } catch (error) {
    $('status').textContent = `Could not create the workout: ${error.message}`;
  }
}

$('filters').onchange = loadCatalog;
$('settings').onsubmit = createWorkout;
loadCategories().then(loadCatalog).catch((e) => { $('status').textContent = e.message; });
