// What the gym remembers of a member: the facts, active injuries first and
// repeated in a warning at the top of the card; a form that adds or updates a
// fact (PUT .../facts/{category}/{fact_key}) and a button that deactivates
// one (DELETE). Roles that may not see facts get "not available".
import { api, put, remove } from './manager_api.js';
import { $, clearFormErrors, describeValue, el, humanize, loadSection, showFormDone, showFormError } from './manager_ui.js';

const CATEGORY_ORDER = ['injury', 'concern', 'goal', 'preference', 'progress'];

function order(a, b) {
  return (b.is_active - a.is_active) ||
    (CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category)) ||
    a.fact_key.localeCompare(b.fact_key);
}

// ISO 8601 UTC <-> the local time of an <input type="datetime-local">.
function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
function fromLocalInput(text) {
  return text ? new Date(text).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

function factDetails(fact) {
  const parts = [`confidence ${Math.round(fact.confidence * 100)}%`];
  if (fact.expires_at) parts.push(`until ${new Date(fact.expires_at).toLocaleString()}`);
  if (!fact.is_active) parts.push('inactive');
  return parts.join(' · ');
}

function showInjuries(facts) {
  const injuries = facts.filter((f) => f.category === 'injury' && f.is_active);
  const box = $('member-injuries');
  box.hidden = injuries.length === 0;
  box.replaceChildren(el('strong', {}, injuries.length > 1 ? 'Injuries' : 'Injury'),
    el('ul', {}, ...injuries.map((f) => el('li', { dataset: { factKey: f.fact_key } },
      `${humanize(f.fact_key)} — ${describeValue(f.fact_value)}`))));
}

export class MemberFacts {
  constructor() {
    this.base = null;
    this.isCurrent = () => false;
    $('fact-form').onsubmit = (event) => this.save(event);
  }

  async load(base, isCurrent) {
    this.base = base;
    this.isCurrent = isCurrent;
    $('member-injuries').hidden = true;
    const answer = await loadSection($('facts-section'), () => api(`${base}/facts`),
      ({ facts }) => this.render(facts), isCurrent);
    if (isCurrent()) $('fact-editor').hidden = !answer;
  }

  reload() {
    return this.load(this.base, this.isCurrent);
  }

  render(facts) {
    showInjuries(facts);
    if (facts.length === 0) return el('p', { className: 'muted' }, 'Nothing remembered yet.');
    return el('ul', { id: 'facts', className: 'fact-list' }, ...[...facts].sort(order).map((f) => this.item(f)));
  }

  item(fact) {
    const actions = el('span', { className: 'actions' },
      el('button', { type: 'button', className: 'secondary', onclick: () => this.edit(fact) }, 'Edit'),
      fact.is_active && el('button', { type: 'button', className: 'secondary danger',
        onclick: () => this.deactivate(fact) }, 'Deactivate'));
    return el('li', {
      className: `fact ${fact.category}${fact.is_active ? '' : ' inactive'}`,
      dataset: { category: fact.category, factKey: fact.fact_key, active: String(fact.is_active) },
    },
    el('span', { className: `badge category ${fact.category}` }, fact.category),
    el('div', { className: 'fact-text' },
      el('strong', {}, humanize(fact.fact_key)), el('span', {}, describeValue(fact.fact_value)),
      el('small', { className: 'muted' }, factDetails(fact)),
      fact.source_quote && el('q', {}, fact.source_quote)),
    actions);
  }

  edit(fact) {
    const form = $('fact-form');
    clearFormErrors(form);
    form.elements.category.value = fact.category;
    form.elements.fact_key.value = fact.fact_key;
    form.elements.fact_value.value = JSON.stringify(fact.fact_value, null, 1);
    form.elements.confidence.value = fact.confidence;
    form.elements.expires_at.value = toLocalInput(fact.expires_at);
    $('fact-editor').open = true;
    form.elements.fact_value.focus();
  }

  // The form's body, or an error naming the field that is wrong.
  body(form) {
    let value;
    try {
      value = JSON.parse(form.elements.fact_value.value || '{}');
    } catch (e) {
      return { error: { field: 'fact_value', message: `not JSON: ${e.message}` } };
    }
    const body = { fact_value: value };
    if (form.elements.confidence.value) body.confidence = Number(form.elements.confidence.value);
    const expires = fromLocalInput(form.elements.expires_at.value);
    if (expires) body.expires_at = expires;
    return { body };
  }

  async save(event) {
    event.preventDefault();
    const form = event.target;
    clearFormErrors(form);
    const { body, error } = this.body(form);
    if (error) return showFormError(form, error);
    const category = form.elements.category.value;
    const key = form.elements.fact_key.value.trim();
    if (!key) return showFormError(form, { field: 'fact_key', message: 'a key is needed, e.g. knee_pain' });
    try {
      await put(`${this.base}/facts/${encodeURIComponent(category)}/${encodeURIComponent(key)}`, body);
      showFormDone(form, `Saved ${category} “${humanize(key)}”.`);
      await this.reload();
    } catch (failure) {
      showFormError(form, failure);
    }
  }

  async deactivate(fact) {
    const path = `${this.base}/facts/${encodeURIComponent(fact.category)}/${encodeURIComponent(fact.fact_key)}`;
    try {
      await remove(path);
      await this.reload();
    } catch (error) {
      showFormError($('fact-form'), error);
      $('fact-editor').open = true;
    }
  }
}
