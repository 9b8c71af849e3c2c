// A small renderer of /api/openapi.json: operations grouped by tag, with
// parameters, request body schema and responses. No dependencies; every
// text goes through textContent, so the document cannot inject markup.
const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

// Resolves "#/components/schemas/X" one level deep, enough to show a body.
const resolve = (doc, schema) => {
  const ref = schema && schema.$ref;
  return ref ? doc.components.schemas[ref.split('/').pop()] : schema;
};

function table(headers, rows) {
  const t = el('table');
  const head = t.createTHead().insertRow();
  headers.forEach((h) => head.appendChild(el('th', h)));
  rows.forEach((cells) => {
    const row = t.insertRow();
    cells.forEach((c) => row.insertCell().appendChild(document.createTextNode(c)));
  });
  return t;
}

function operation(doc, method, path, op) {
  const box = el('details', undefined, 'op');
  const summary = el('summary');
  summary.append(el('span', method.toUpperCase(), 'method'), el('code', path), ` — ${op.summary || ''}`);
  box.appendChild(summary);
  if (op.parameters && op.parameters.length) {
    box.appendChild(el('h4', 'Parameters'));
    box.appendChild(table(['name', 'in', 'required', 'description'],
      op.parameters.map((p) => [p.name, p.in, p.required ? 'yes' : 'no', p.description || ''])));
  }
  const body = op.requestBody && op.requestBody.content['application/json'];
  if (body) {
    box.appendChild(el('h4', 'Request body (JSON)'));
    box.appendChild(el('pre', JSON.stringify(resolve(doc, body.schema), null, 2)));
  }
  box.appendChild(el('h4', 'Responses'));
  box.appendChild(table(['status', 'description'],
    Object.entries(op.responses).map(([status, r]) => [status, r.description])));
  return box;
}

async function render() {
  const about = document.getElementById('about');
  const main = document.getElementById('operations');
  const doc = await (await fetch('/api/openapi.json')).json();
  about.textContent = `${doc.info.title} ${doc.info.version}. ${doc.info.description}`;
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(operation(doc, method, path, op));
    }
  }
  for (const [tag, ops] of byTag) {
    main.appendChild(el('h2', tag));
    ops.forEach((op) => main.appendChild(op));
  }
}

render().catch((e) => {
  document.getElementById('about').textContent = `Could not load the API description: ${e}`;
});
