// A member's card: identity and membership, fitness profile, preferences
// (exercise ids shown by name), what the gym remembers (manager_facts.js) and
// a workout written for them (manager_workout.js). Each part loads on its
// own, so a role that may not see one part still sees the others.
import { api, exerciseNamesById, gymPath } from './manager_api.js';
import { MemberFacts } from './manager_facts.js';
import { $, definitionList, describeValue, el, humanize, loadSection } from './manager_ui.js';
import { MemberWorkout } from './manager_workout.js';

const LANGUAGES = { fr: 'French', en: 'English' };

// A profile or preferences never written read as the defaults with no
// updated_at: shown as not recorded rather than as values the member never gave.
const recorded = (row) => (row && row.updated_at ? row : null);

const withUnit = (value, unit) => (value === null || value === undefined ? '—' : `${value} ${unit}`);

function renderProfile(answer) {
  const profile = recorded(answer);
  if (!profile) return el('p', { className: 'muted' }, 'No fitness profile recorded yet.');
  return definitionList([
    ['Level', describeValue(profile.fitness_level)],
    ['Goals', describeValue(profile.primary_goals)],
    ['Height', withUnit(profile.height_cm, 'cm')],
    ['Weight', withUnit(profile.current_weight_kg, 'kg')],
    ['Target weight', withUnit(profile.target_weight_kg, 'kg')],
    ['Resting heart rate', withUnit(profile.resting_heart_rate, 'bpm')],
    ['Max heart rate', withUnit(profile.max_heart_rate, 'bpm')],
    ['Medical notes', profile.medical_notes || '—'],
  ]);
}

async function loadPreferences(base) {
  const [preferences, names] = await Promise.all([api(`${base}/preferences`), exerciseNamesById()]);
  return recorded(preferences) && { ...preferences, names };
}

function renderPreferences(p) {
  if (!p) return el('p', { className: 'muted' }, 'No preferences recorded yet.');
  const named = (ids) => describeValue((ids || []).map((id) => p.names.get(id) || id));
  return definitionList([
    ['Language', LANGUAGES[p.language] || describeValue(p.language)],
    ['Intensity', describeValue(p.preferred_intensity)],
    ['Favourite exercises', named(p.favorite_exercises)],
    ['Excluded exercises', named(p.excluded_exercises)],
    ['Training days', describeValue(p.training_days)],
    ['Usual duration', withUnit(p.typical_duration_min, 'min')],
  ]);
}

function membershipLine(m) {
  return [`Badge ${m.badge_id}`, `${humanize(m.membership_type)} membership`,
    m.member_since && `since ${m.member_since}`, m.membership_expires && `until ${m.membership_expires}`,
    m.is_active ? 'active' : 'inactive', m.email, m.phone].filter(Boolean).join(' · ');
}

export class MemberCard {
  constructor() {
    this.ticket = 0;  // the member shown; answers for an earlier one are dropped
    this.facts = new MemberFacts();
    this.workout = new MemberWorkout();
  }

  close() {
    this.ticket += 1;
    $('member-card').hidden = true;
    this.workout.reset();
  }

  async open(gym, memberId) {
    const ticket = ++this.ticket;
    const isCurrent = () => ticket === this.ticket;
    const card = $('member-card');
    Object.assign(card.dataset, { memberId, state: 'loading' });
    card.hidden = false;
    const base = gymPath(gym.id, 'members', memberId);
    this.workout.show(base);
    await Promise.all([
      this.loadIdentity(base, isCurrent),
      loadSection($('profile-section'), () => api(`${base}/fitness-profile`), renderProfile, isCurrent),
      loadSection($('preferences-section'), () => loadPreferences(base), renderPreferences, isCurrent),
      this.facts.load(base, isCurrent),
    ]);
    if (isCurrent()) card.dataset.state = 'loaded';
  }

  async loadIdentity(base, isCurrent) {
    $('member-name').textContent = 'Loading…';
    $('member-meta').textContent = '';
    try {
      const member = await api(base);
      if (!isCurrent()) return;
      $('member-name').textContent = `${member.first_name} ${member.last_name}`;
      $('member-meta').textContent = membershipLine(member);
      $('member-card').scrollIntoView({ block: 'nearest' });
    } catch (error) {
      if (isCurrent()) $('member-name').textContent = `Could not load this member: ${error.message}`;
    }
  }
}
