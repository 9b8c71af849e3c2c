// Choosing one of the gyms the signed-in account works at (manager, coach or
// staff), remembered across visits: the manager page and the coach's
// dashboard share it.
import { api } from './api.js';

const WORKING_ROLES = new Set(['manager', 'coach', 'staff']);

export async function workingGyms(roles = WORKING_ROLES) {
  const answer = await api('/api/gyms');
  return answer.gyms.filter((g) => roles.has(g.role));
}

// Fills `select` with `gyms` and selects the preferred one, else the one
// remembered under `storageKey`; returns the chosen gym or null.
export function fillGymSelect(select, gyms, storageKey, preferredId) {
  select.replaceChildren(...gyms.map((g) => new Option(g.name, g.id)));
  const wanted = [preferredId, localStorage.getItem(storageKey)].find((id) => gyms.some((g) => g.id === id));
  if (wanted) select.value = wanted;
  return chosenGym(select, gyms, storageKey);
}

export function chosenGym(select, gyms, storageKey) {
  const gym = gyms.find((g) => g.id === select.value) || null;
  if (gym) localStorage.setItem(storageKey, gym.id);
  return gym;
}
