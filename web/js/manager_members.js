// A gym's members: the search (debounced as one types), the active filter,
// pages of PAGE_SIZE, and the form that adds a member. The panel's
// data-state (loading/loaded/error) and data-query tell what the table shows.
import { api, gymPath, post } from './manager_api.js';
import { $, clearFormErrors, debounce, el, filledFields, showFormDone, showFormError } from './manager_ui.js';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;

function today() {
  return new Date().toISOString().slice(0, 10);
}

function statusBadge(member) {
  return el('span', { className: `badge ${member.is_active ? 'on' : 'off'}` }, member.is_active ? 'active' : 'inactive');
}

function expiryCell(member) {
  const expires = member.membership_expires;
  const expired = expires && expires < today();
  return el('td', { className: expired ? 'expired' : '' }, expires ? `${expires}${expired ? ' (expired)' : ''}` : '—');
}

export class MemberList {
  // onOpen(member): a member was chosen in the table.
  constructor(onOpen) {
    this.onOpen = onOpen;
    this.gym = null;
    this.offset = 0;
    this.total = 0;
    this.request = 0;  // only the newest answer is shown
    this.selectedId = null;
    const searchLater = debounce(() => this.load(0), SEARCH_DELAY_MS);
    $('member-search').addEventListener('input', searchLater);
    $('member-active').onchange = () => this.load(0);
    $('member-filters').onsubmit = (event) => { event.preventDefault(); this.load(0); };
    $('members-prev').onclick = () => this.load(Math.max(0, this.offset - PAGE_SIZE));
    $('members-next').onclick = () => this.load(this.offset + PAGE_SIZE);
    $('member-form').onsubmit = (event) => this.add(event);
  }

  show(gym) {
    this.gym = gym;
    this.selectedId = null;
    $('member-search').value = '';
    $('member-active').value = '';
    this.load(0);
  }

  async load(offset) {
    const gym = this.gym;
    const ticket = ++this.request;
    const q = $('member-search').value.trim();
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
    if (q) query.set('q', q);
    if ($('member-active').value) query.set('active', $('member-active').value);
    $('members-panel').dataset.state = 'loading';
    try {
      const page = await api(`${gymPath(gym.id, 'members')}?${query}`);
      if (ticket !== this.request) return;
      this.offset = page.offset;
      this.total = page.total;
      this.render(page.members, q);
    } catch (error) {
      if (ticket !== this.request) return;
      $('members-panel').dataset.state = 'error';
      $('members-status').textContent = `Could not load the members: ${error.message}`;
    }
  }

  render(members, q) {
    $('members').replaceChildren(...members.map((m) => this.row(m)));
    $('members-total').textContent = `(${this.total})`;
    const last = this.offset + members.length;
    $('members-range').textContent = members.length ? `${this.offset + 1}–${last} of ${this.total}` : '';
    $('members-prev').disabled = this.offset === 0;
    $('members-next').disabled = last >= this.total;
    $('members-status').textContent = members.length ? '' : (q ? `No member matches “${q}”.` : 'No member yet.');
    Object.assign($('members-panel').dataset, { state: 'loaded', query: q, count: String(members.length) });
  }

  row(member) {
    const name = `${member.first_name} ${member.last_name}`;
    const open = el('button', { type: 'button', className: 'link', onclick: () => this.select(member) }, name);
    open.setAttribute('aria-label', `Open ${name}`);
    const row = el('tr', { dataset: { memberId: member.id } },
      el('td', { className: 'badge-id' }, member.badge_id), el('td', {}, open),
      el('td', {}, member.membership_type), expiryCell(member), el('td', {}, statusBadge(member)));
    if (member.id === this.selectedId) row.setAttribute('aria-selected', 'true');
    return row;
  }

  select(member) {
    this.selectedId = member.id;
    for (const row of $('members').children) {
      if (row.dataset.memberId === member.id) row.setAttribute('aria-selected', 'true');
      else row.removeAttribute('aria-selected');
    }
    this.onOpen(member);
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    clearFormErrors(form);
    try {
      const member = await post(gymPath(this.gym.id, 'members'), filledFields(form));
      form.reset();
      showFormDone(form, `${member.first_name} ${member.last_name} was added.`);
      $('member-search').value = member.badge_id;
      await this.load(0);
      this.select(member);
    } catch (error) {
      showFormError(form, error);
    }
  }
}
