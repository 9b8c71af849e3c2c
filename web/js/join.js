// The join page: POST /api/live/join {code, name} gives a participant token
// and the class's URLs; values go over the class socket (POST
// /api/live/{code}/values when the socket is down), with the server's
// answer to a refused value shown next to the form.
import { ApiError, post } from './api.js';
import { openClassSocket } from './live_socket.js';
import { playInSync, showState } from './live_view.js';

const $ = (id) => document.getElementById(id);
const SENSOR_EVERY_MS = 2000;
let joined = null;  // the join answer
let socket = null;
let sensorTimer = null;

function status(form, text) { form.querySelector('.form-status').textContent = text; }

async function sendValues(values) {
  if (socket && socket.send({ type: 'values', ...values })) return;
  const response = await fetch(`/api/live/${encodeURIComponent(joined.code)}/values`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${joined.token}` },
    body: JSON.stringify(values),
  });
  if (!response.ok) {
    const error = ((await response.json().catch(() => ({}))).error) || {};
    throw new ApiError(response.status, error.code, error.message || response.statusText, error.field);
  }
}

async function report(values) {
  const form = $('values-form');
  try {
    await sendValues(values);
    status(form, '');
    $('last-sent').textContent = `Sent ${values.heart_rate} bpm at ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status(form, error.message);
  }
}

// A plausible heart rate: a slow random walk between 95 and 175 bpm.
function simulatedHeartRate(previous) {
  const next = previous + Math.round((Math.random() - 0.45) * 8);
  return Math.min(175, Math.max(95, next));
}

function toggleSensor(on) {
  clearInterval(sensorTimer);
  if (!on) return;
  let bpm = 110;
  sensorTimer = setInterval(() => { bpm = simulatedHeartRate(bpm); report({ heart_rate: bpm }); }, SENSOR_EVERY_MS);
}

function onSocketMessage(message) {
  if (message.type === 'state') showState($('state'), message);
  if (message.type === 'error') status($('values-form'), message.message || message.code);
  if (message.type === 'state' && message.state === 'ended') toggleSensor(false);
}

async function join(event) {
  event.preventDefault();
  const form = event.target;
  const fields = { code: form.elements.code.value.trim().toUpperCase(), name: form.elements.name.value.trim() };
  if (!fields.code || !fields.name) { status(form, 'Give the class code and your name.'); return; }
  try {
    joined = { ...(await post('/api/live/join', fields)), code: fields.code };
  } catch (error) {
    status(form, error.code === 'unknown_code' ? 'No open class has this code.' : error.message);
    return;
  }
  $('join-panel').hidden = true;
  $('class-panel').hidden = false;
  $('class-code').textContent = fields.code;
  if (joined.state) showState($('state'), { state: joined.state });
  socket = openClassSocket(joined.ws_url, joined.token, { onMessage: onSocketMessage });
  await playInSync($('video'), joined.hls_url, $('sync'), (text) => { $('sync').textContent = text; });
}

$('join-form').onsubmit = join;
$('values-form').onsubmit = (event) => {
  event.preventDefault();
  const bpm = Number(event.target.elements.heart_rate.value);
  if (!bpm) { status(event.target, 'Type your heart rate in beats per minute.'); return; }
  report({ heart_rate: bpm });
};
$('sensor').onchange = (event) => toggleSensor(event.target.checked);
const given = new URLSearchParams(window.location.search).get('code');
if (given) $('join-form').elements.code.value = given.toUpperCase();
