// The gym routes the manager page calls, on top of api.js (which carries the
// signed-in token and turns error answers into ApiError).
import { api, post } from './api.js';

export { api, post };

// gymPath('g1', 'members', 'm1', 'facts') -> /api/gyms/g1/members/m1/facts
export function gymPath(gymId, ...parts) {
  return ['/api/gyms', gymId, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}

export const put = (path, body) => api(path, { method: 'PUT', body: JSON.stringify(body) });
export const remove = (path) => api(path, { method: 'DELETE' });

let exerciseNames = null;  // Promise of Map id -> name, fetched once per page

// The catalog's names by exercise id, for preferences that store ids.
export function exerciseNamesById() {
  if (!exerciseNames) {
    exerciseNames = api('/api/exercises').then((list) => new Map(list.map((e) => [e.id, e.name])));
    exerciseNames.catch(() => { exerciseNames = null; });
  }
  return exerciseNames;
}
