// The class board: each participant's name, heart rate and zone colour, and
// the flags the server raised (heart rate over their maximum, low SpO2, ...).
// Kept from the socket's `participants` and `values` messages.
const ZONES = [
  { zone: 1, name: 'very light', colour: '#94a3b8', from: 0 },
  { zone: 2, name: 'light', colour: '#3b82f6', from: 0.6 },
  { zone: 3, name: 'moderate', colour: '#22c55e', from: 0.7 },
  { zone: 4, name: 'hard', colour: '#f59e0b', from: 0.8 },
  { zone: 5, name: 'maximum', colour: '#ef4444', from: 0.9 },
];
const DEFAULT_MAX_HEART_RATE = 190;

// The zone of `bpm` for someone whose maximum is `maxBpm` (percent of maximum).
export function heartRateZone(bpm, maxBpm = DEFAULT_MAX_HEART_RATE) {
  const share = bpm / (maxBpm || DEFAULT_MAX_HEART_RATE);
  return [...ZONES].reverse().find((z) => share >= z.from);
}

const FLAG_TEXT = {
  heart_rate_above_max: 'heart rate over maximum',
  spo2_low: 'low SpO2',
  systolic_high: 'high blood pressure',
};
const flagText = (flag) => FLAG_TEXT[flag] || flag.replaceAll('_', ' ');

// Flags arrive as an object ({name: true | detail}) or a list of names.
function flagNames(flags) {
  if (!flags) return [];
  if (Array.isArray(flags)) return flags;
  return Object.entries(flags).filter(([, on]) => on).map(([name]) => name);
}

export class ClassBoard {
  constructor(list) {
    this.list = list;
    this.people = new Map();  // participant id → {id, name, values, flags, max_heart_rate, left}
  }

  // Applies one socket message; true when the board changed.
  apply(message) {
    if (message.type === 'participants') {
      for (const p of message.participants || []) this.#merge(p.id || p.participant_id, p);
      if (message.joined) this.#merge(message.joined.id || message.joined.participant_id, message.joined);
      if (message.left) this.#merge(message.left.id || message.left.participant_id, { ...message.left, left: true });
    } else if (message.type === 'values') {
      const p = message.participant || message;
      this.#merge(p.participant_id || p.id, { name: p.name, values: p.values || message.values,
        flags: message.flags || p.flags });
    } else {
      return false;
    }
    this.render();
    return true;
  }

  #merge(id, fields) {
    if (!id) return;
    const known = this.people.get(id) || { id, name: 'Participant', values: {}, flags: [] };
    this.people.set(id, { ...known, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) });
  }

  render() {
    const rows = [...this.people.values()].filter((p) => !p.left).map((p) => this.#row(p));
    this.list.replaceChildren(...rows);
    this.list.dataset.count = String(rows.length);
  }

  #row(person) {
    const li = document.createElement('li');
    const bpm = person.values && person.values.heart_rate;
    const zone = bpm ? heartRateZone(bpm, person.max_heart_rate) : null;
    li.className = 'board-row';
    li.dataset.participant = person.id;
    li.style.setProperty('--zone', zone ? zone.colour : '#475569');
    const name = document.createElement('span');
    name.className = 'board-name';
    name.textContent = person.name;
    const rate = document.createElement('span');
    rate.className = 'board-rate';
    rate.textContent = bpm ? `${bpm} bpm` : '—';
    rate.title = zone ? `zone ${zone.zone}: ${zone.name}` : 'no heart rate yet';
    if (zone) li.dataset.zone = String(zone.zone);
    const flags = document.createElement('span');
    flags.className = 'board-flags';
    flags.textContent = flagNames(person.flags).map(flagText).join(' · ');
    li.append(name, rate, flags);
    return li;
  }
}
