// What the manager page's parts share: building elements, definition lists,
// field errors on forms, a debounce, and sections that load on their own and
// say "not available for your role" when the server answers 403.

export const $ = (id) => document.getElementById(id);

// el('li', {className: 'x', dataset: {id}}, 'text', child, ...)
export function el(tag, props = {}, ...children) {
  const { dataset, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const humanize = (word) => String(word).replace(/_/g, ' ');

// A fact's or a field's value as a short text: lists joined, objects as "key: value · ...".
export function describeValue(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(', ') : '—';
  if (typeof value === 'object') {
    const parts = Object.entries(value).map(([key, v]) => `${humanize(key)}: ${describeValue(v)}`);
    return parts.length ? parts.join(' · ') : '—';
  }
  return humanize(value);
}

// rows: [[label, text], ...] -> <dl>
export function definitionList(rows) {
  return el('dl', { className: 'facts-list' },
    ...rows.flatMap(([label, text]) => [el('dt', {}, label), el('dd', {}, text)]));
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export const isForbidden = (error) => error && error.status === 403;
export const NOT_FOR_YOUR_ROLE = 'Not available for your role.';

// Loads one part of a page into `section` (its .section-body): data-state
// says loading, loaded, forbidden or error, for people (styles) and tests.
// An answer that arrives once isCurrent() is false (another member was
// opened meanwhile) is dropped.
export async function loadSection(section, load, render, isCurrent = () => true) {
  const body = section.querySelector('.section-body');
  section.dataset.state = 'loading';
  body.replaceChildren(el('p', { className: 'muted' }, 'Loading…'));
  try {
    const data = await load();
    if (!isCurrent()) return null;
    body.replaceChildren(render(data));
    section.dataset.state = 'loaded';
    return data;
  } catch (error) {
    if (!isCurrent()) return null;
    const forbidden = isForbidden(error);
    section.dataset.state = forbidden ? 'forbidden' : 'error';
    body.replaceChildren(el('p', { className: forbidden ? 'note' : 'error' },
      forbidden ? NOT_FOR_YOUR_ROLE : `Could not load: ${error.message}`));
    return null;
  }
}

function statusOf(form) {
  return form.querySelector('.form-status');
}

export function clearFormErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  statusOf(form).textContent = '';
  statusOf(form).className = 'form-status';
}

// The server's {"error": {"code", "message", "field"}}: next to the field it
// names when the form has one, in the form's status line otherwise.
export function showFormError(form, error) {
  const input = error.field && form.elements.namedItem(error.field);
  if (input && input.closest) {
    // The label already names the field: "badge_id: taken" shows as "taken".
    const message = error.message.replace(new RegExp(`^${error.field}: `), '');
    const note = el('span', { className: 'field-error', id: `${form.id}-${error.field}-error` }, message);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', note.id);
    input.closest('label').append(note);
    input.focus();
    return;
  }
  statusOf(form).textContent = isForbidden(error) ? NOT_FOR_YOUR_ROLE : error.message;
  statusOf(form).className = 'form-status error';
}

export function showFormDone(form, text) {
  statusOf(form).textContent = text;
  statusOf(form).className = 'form-status done';
}

// The form's filled fields as an object (empty ones left out).
export function filledFields(form) {
  const out = {};
  for (const [key, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) out[key] = text;
  }
  return out;
}
