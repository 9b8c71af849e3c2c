// JSON over fetch. Errors carry the server's {"error": {"code", "message", "field"}}.
// When signed in, every call carries the token (kept in localStorage so a
// reload stays signed in).
const TOKEN_KEY = 'ws.session';

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;  // the request field at fault, when the server names one
  }
}

// {token, user: {id, email, ...}} or null.
export function savedSession() {
  try { return JSON.parse(localStorage.getItem(TOKEN_KEY)); } catch { return null; }
}

export function saveSession(session) {
  if (session) localStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  else localStorage.removeItem(TOKEN_KEY);
}

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = 'application/json';
  const session = savedSession();
  if (session && session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error || {};
    throw new ApiError(response.status, error.code || 'http_error',
      error.message || `${response.status} ${response.statusText}`, error.field);
  }
  return body;
}

export const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body) });

// The stream of a stored workout: {hls_url, renditions, duration_seconds, ...}.
export function createStream(workoutId) {
  return api(`/api/workouts/${encodeURIComponent(workoutId)}/stream`, { method: 'POST' });
}
