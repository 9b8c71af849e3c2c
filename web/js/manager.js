// The gym manager page: sign in (account.js), choose one of the gyms where
// the account is a manager, coach or staff (remembered across visits), then
// its members (manager_members.js) and a member's card (manager_card.js).
import { setUpAccount } from './account.js';
import { chosenGym, fillGymSelect, workingGyms } from './gym_choice.js';
import { post } from './manager_api.js';
import { MemberCard } from './manager_card.js';
import { MemberList } from './manager_members.js';
import { $, clearFormErrors, filledFields, humanize, showFormError } from './manager_ui.js';

const GYM_KEY = 'ws.manager.gym';

let gyms = [];
const card = new MemberCard();
const members = new MemberList((member) => card.open(currentGym(), member.id));

function currentGym() {
  return chosenGym($('gym-select'), gyms, GYM_KEY);
}

function showGym() {
  const gym = currentGym();
  card.close();
  $('members-panel').hidden = !gym;
  $('gym-role').textContent = gym ? `You are ${humanize(gym.role)} here · ${gym.timezone}` : '';
  document.body.dataset.gymId = gym ? gym.id : '';
  if (!gym) return;
  members.show(gym);
}

async function loadGyms(preferredId) {
  $('gym-status').textContent = 'Loading your gyms…';
  gyms = await workingGyms();
  fillGymSelect($('gym-select'), gyms, GYM_KEY, preferredId);
  $('gym-choice').hidden = gyms.length === 0;
  $('new-gym').open = gyms.length === 0;
  $('gym-status').textContent = gyms.length ? '' : 'You work at no gym yet: create one, or ask its manager to add you.';
  $('gym-panel').dataset.state = 'loaded';
  showGym();
}

async function createGym(event) {
  event.preventDefault();
  const form = event.target;
  clearFormErrors(form);
  try {
    const gym = await post('/api/gyms', filledFields(form));
    form.reset();
    form.elements.timezone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    $('new-gym').open = false;
    await loadGyms(gym.id);
  } catch (error) {
    showFormError(form, error);
  }
}

function onAccount(session) {
  $('gym-panel').hidden = !session;
  $('gym-panel').dataset.state = '';
  $('members-panel').dataset.state = '';
  if (!session) {
    gyms = [];
    $('gym-select').replaceChildren();
    showGym();
    return;
  }
  loadGyms().catch((error) => {
    $('gym-status').textContent = error.status === 401
      ? 'Your sign-in has expired: sign out, then sign in again.'
      : `Could not load your gyms: ${error.message}`;
  });
}

$('gym-select').onchange = showGym;
$('new-gym-form').onsubmit = createGym;
$('new-gym-form').elements.timezone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
setUpAccount({ onChange: onAccount });
