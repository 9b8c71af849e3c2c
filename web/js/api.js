// JSON over fetch. Errors carry the server's {"error": {"code", "message"}}.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, options = {}) {
  const headers = options.body ? { 'Content-Type': 'application/json' } : {};
  const response = await fetch(path, { ...options, headers: { Accept: 'application/json', ...headers } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error || {};
    throw new ApiError(response.status, error.code || 'http_error',
      error.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

// The stream of a stored workout: {hls_url, renditions, duration_seconds, ...}.
export function createStream(workoutId) {
  return api(`/api/workouts/${encodeURIComponent(workoutId)}/stream`, { method: 'POST' });
}
