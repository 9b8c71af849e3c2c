// Sign-up, sign-in and sign-out, the signed-in user's history, and the
// sessions the page records for them (started on Play, completed with
// feedback on "I finished").
import { api, post, savedSession, saveSession } from './api.js';

const $ = (id) => document.getElementById(id);
let current = null;  // the session being played: {id, started}
let onChange = () => {};  // the page's reaction to signing in or out

function userPath(suffix) {
  return `/api/users/${encodeURIComponent(savedSession().user.id)}${suffix}`;
}

function minutes(seconds) {
  const s = Math.round(seconds || 0);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function historyItem(entry) {
  const li = document.createElement('li');
  const when = new Date(entry.started_at).toLocaleString();
  const done = entry.completed_at ? `done in ${minutes(entry.duration_seconds)}` : 'not finished';
  const feedback = entry.feedback && entry.feedback.difficulty ? ` · ${entry.feedback.difficulty.replace('_', ' ')}` : '';
  li.textContent = `${entry.workout.name || 'Workout'} — ${when} — ${done}${feedback}`;
  return li;
}

export async function refreshHistory() {
  if (!savedSession()) return;
  const entries = await api(userPath('/history'));
  $('history').replaceChildren(...entries.map(historyItem));
  $('history').dataset.count = String(entries.length);
}

function render() {
  const session = savedSession();
  $('account-form').hidden = Boolean(session);
  $('signed-in').hidden = !session;
  if (session) {
    $('who').textContent = `Signed in as ${session.user.display_name || session.user.email}`;
    if ($('history')) refreshHistory().catch((e) => { $('account-status').textContent = e.message; });
  }
  onChange(session);
}

async function submit(event) {
  event.preventDefault();
  const form = new FormData($('account-form'));
  const action = event.submitter && event.submitter.value === 'signup' ? 'signup' : 'login';
  const body = { email: form.get('email'), password: form.get('password') };
  try {
    const session = await post(`/api/auth/${action}`, body);
    saveSession({ token: session.token, user: session.user });
    $('account-status').textContent = action === 'signup' ? 'Account created.' : 'Signed in.';
    render();
  } catch (error) {
    $('account-status').textContent = error.message;
  }
}

async function signOut() {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => {});
  saveSession(null);
  $('account-status').textContent = 'Signed out.';
  render();
}

// Play pressed: a session starts for a signed-in user.
export async function startSession(workoutId) {
  if (!savedSession()) return;
  const session = await post(userPath('/sessions'), { workout_id: workoutId });
  current = { id: session.id, started: Date.now() };
  $('finish').hidden = false;
  await refreshHistory();
}

async function finish(event) {
  event.preventDefault();
  if (!current) return;
  const form = new FormData($('finish'));
  const seconds = Math.round((Date.now() - current.started) / 1000);
  const result = { duration_seconds: seconds, exercises_completed: Number(form.get('exercises_completed')) || 0,
    feedback: { difficulty: form.get('difficulty') } };
  try {
    await post(userPath(`/sessions/${encodeURIComponent(current.id)}/complete`), result);
    current = null;
    $('finish').hidden = true;
    $('account-status').textContent = 'Session saved: the coach will take it into account.';
    await refreshHistory();
  } catch (error) {
    $('account-status').textContent = error.message;
  }
}

// A page without #history or #finish (the manager page) gets sign-in alone;
// options.onChange(session or null) runs on every sign-in and sign-out.
export function setUpAccount(options = {}) {
  onChange = options.onChange || (() => {});
  $('account-form').onsubmit = submit;
  $('sign-out').onclick = signOut;
  if ($('finish')) $('finish').onsubmit = finish;
  render();
}
