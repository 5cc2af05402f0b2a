// Borealis dashboard: a dependency-free single-page app over the scheduler's JSON API.
// Pages follow Aurora's URLs; everything on screen updates from the SSE stream at /api/v1/events.

const view = document.getElementById('view');
const crumbs = document.getElementById('crumbs');
const live = document.getElementById('live');
window.borealis = { loadedAt: Date.now(), eventsSeen: 0 };

let source = null;
let refreshTimer = null;

/** Creates an element with attributes and children; strings become text nodes (never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function link(href, text) {
  return el('a', { href, onclick: (e) => { e.preventDefault(); navigate(href); } }, text);
}

function stateBadge(state) {
  return el('span', { class: `state ${state}` }, state);
}

function ago(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86400)}d ago`;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
  return body;
}

function setCrumbs(parts) {
  crumbs.replaceChildren(...parts.flatMap((part, i) => [i ? ' / ' : '', part.href ? link(part.href, part.text) : el('span', {}, part.text)]));
}

/** Listens to the event stream for the current page; the browser resumes with Last-Event-ID itself. */
function listen(filter, onEvent) {
  if (source) source.close();
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  source = new EventSource(`/api/v1/events${query ? `?${query}` : ''}`);
  source.onopen = () => { live.textContent = 'live'; live.className = 'live on'; };
  source.onerror = () => { live.textContent = 'reconnecting…'; live.className = 'live off'; };
  const handle = (message) => { window.borealis.eventsSeen++; onEvent(JSON.parse(message.data)); };
  source.addEventListener('task', handle);
  source.addEventListener('job', handle);
  source.addEventListener('health', handle);
  source.addEventListener('update', handle);
}

/** Coalesces bursts of events into one reload of the page's data. */
function refreshSoon(load) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(load, 150);
}

function countsCell(counts) {
  const entries = Object.entries(counts || {});
  if (!entries.length) return el('span', { class: 'muted' }, 'none');
  return el('span', {}, entries.map(([state, n]) => el('span', {}, stateBadge(state), ` ${n} `)));
}

async function rolesPage() {
  setCrumbs([]);
  const load = async () => {
    const { jobs } = await api('/api/v1/jobs');
    const roles = new Map();
    for (const job of jobs) {
      const role = roles.get(job.role) || { jobs: 0, counts: {} };
      role.jobs++;
      for (const [state, n] of Object.entries(job.task_counts)) role.counts[state] = (role.counts[state] || 0) + n;
      roles.set(job.role, role);
    }
    const rows = [...roles.entries()].sort().map(([role, info]) =>
      el('tr', { dataset: { role } }, el('td', {}, link(`/scheduler/${role}`, role)), el('td', {}, info.jobs), el('td', {}, countsCell(info.counts))));
    view.replaceChildren(el('h1', {}, 'Roles'),
      rows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Role'), el('th', {}, 'Jobs'), el('th', {}, 'Tasks'))), el('tbody', {}, rows))
        : el('p', { class: 'empty' }, 'No jobs yet. Create one with: ./borealis job create devcluster/www-data/prod/hello examples/hello_world.json'));
  };
  listen({}, () => refreshSoon(load));
  await load();
}

async function rolePage(role, env) {
  setCrumbs([{ text: role, href: `/scheduler/${role}` }, env ? { text: env } : null].filter(Boolean));
  const load = async () => {
    const { jobs } = await api(`/api/v1/jobs?role=${encodeURIComponent(role)}${env ? `&env=${encodeURIComponent(env)}` : ''}`);
    const rows = jobs.map((job) => el('tr', { dataset: { job: job.key } },
      el('td', {}, link(`/scheduler/${job.role}/${job.environment}/${job.name}`, job.name), job.production ? ' ★' : ''),
      el('td', {}, link(`/scheduler/${job.role}/${job.environment}`, job.environment)),
      el('td', {}, job.service ? 'service' : 'adhoc'),
      el('td', {}, countsCell(job.task_counts))));
    view.replaceChildren(el('h1', {}, `Jobs of ${role}${env ? ` in ${env}` : ''}`),
      rows.length ? el('table', {}, el('thead', {}, el('tr', {}, ['Job', 'Environment', 'Type', 'Tasks'].map((h) => el('th', {}, h)))), el('tbody', {}, rows))
        : el('p', { class: 'empty' }, 'No jobs.'));
  };
  listen({ role, env }, () => refreshSoon(load));
  await load();
}

function taskRow(task) {
  const message = task.pending_reason || task.message || '';
  const events = el('details', {}, el('summary', {}, `${task.events.length} events`),
    el('ul', {}, task.events.map((e) => el('li', {}, `${e.timestamp} `, stateBadge(e.state), ` ${e.message || ''}`))));
  return el('tr', { dataset: { instance: task.instance, taskId: task.task_id } },
    el('td', {}, task.instance),
    el('td', { class: 'state-cell' }, stateBadge(task.state), task.health ? el('span', { class: `health ${task.health}` }, task.health.toLowerCase()) : null),
    el('td', { class: 'since', title: task.since }, ago(task.since)),
    el('td', { class: 'host' }, task.host || '—'),
    el('td', { class: 'message' }, message),
    el('td', { class: 'mono hide-narrow' }, task.task_id, events));
}

function taskTable(tasks, emptyText) {
  if (!tasks.length) return el('p', { class: 'empty' }, emptyText);
  return el('table', {}, el('thead', {}, el('tr', {}, ['Instance', 'State', 'Since', 'Host', 'Message', 'Task'].map((h, i) =>
    el('th', { class: i === 5 ? 'hide-narrow' : null }, h)))), el('tbody', {}, tasks.map(taskRow)));
}

async function jobPage(role, env, name) {
  setCrumbs([{ text: role, href: `/scheduler/${role}` }, { text: env, href: `/scheduler/${role}/${env}` }, { text: name }]);
  let tab = 'active';
  let job = null;
  let update = null;
  const render = () => {
    const resources = job.config.task.resources;
    const tabs = el('div', { class: 'tabs', role: 'tablist' },
      el('button', { role: 'tab', 'aria-selected': String(tab === 'active'), onclick: () => { tab = 'active'; render(); } }, `Active Tasks (${job.active_tasks.length})`),
      el('button', { role: 'tab', 'aria-selected': String(tab === 'completed'), onclick: () => { tab = 'completed'; render(); } }, `Completed Tasks (${job.completed_tasks.length})`));
    view.replaceChildren(
      el('h1', {}, job.key),
      el('div', { class: 'summary' },
        el('div', {}, el('span', {}, 'Instances'), job.instances),
        el('div', {}, el('span', {}, 'Type'), job.service ? 'service' : 'adhoc'),
        el('div', {}, el('span', {}, 'CPU'), resources.cpu),
        el('div', {}, el('span', {}, 'RAM'), `${Math.floor(resources.ram / 1048576)} MB`),
        el('div', {}, el('span', {}, 'Disk'), `${Math.floor(resources.disk / 1048576)} MB`),
        el('div', {}, el('span', {}, 'Processes'), job.config.task.processes.map((p) => p.name).join(', '))),
      configGroups(job.config_groups || []),
      update ? updatePanel(update) : '',
      tabs,
      tab === 'active' ? taskTable(job.active_tasks, 'No active tasks.') : taskTable(job.completed_tasks, 'No completed tasks.'));
  };
  const load = async () => {
    try {
      job = await api(`/api/v1/jobs/${cluster}/${role}/${env}/${name}`);
      const updates = (await api(`/api/v1/updates?role=${role}&env=${env}&job=${name}`)).updates;
      update = updates.length ? await api(`/api/v1/updates/${updates[updates.length - 1].update_id}`) : null;
      render();
    } catch (error) {
      view.replaceChildren(el('h1', {}, `${role}/${env}/${name}`), el('p', { class: 'error' }, error.message));
    }
  };
  // Apply a task event in place when the row exists; new or removed tasks need the job reloaded.
  const onEvent = (event) => {
    if (event.type === 'health' && job) {
      const task = job.active_tasks.find((t) => t.task_id === event.task_id);
      const row = view.querySelector(`tr[data-task-id="${CSS.escape(event.task_id)}"]`);
      if (task && row) {
        task.health = event.health;
        row.replaceWith(taskRow(task));
      }
      return undefined;
    }
    if (event.type !== 'task' || !job) return refreshSoon(load);
    const row = view.querySelector(`tr[data-task-id="${CSS.escape(event.task_id)}"]`);
    const known = [...job.active_tasks, ...job.completed_tasks].find((t) => t.task_id === event.task_id);
    const movesTab = event.deleted || (known && isTerminal(event.state) !== isTerminal(known.state));
    if (!row || !known || movesTab) return refreshSoon(load);
    Object.assign(known, { state: event.state, since: event.timestamp, host: event.host || known.host, message: event.message,
      pending_reason: null, health: event.state === 'RUNNING' ? known.health : null });
    known.events = [...known.events, { timestamp: event.timestamp, state: event.state, message: event.message }];
    row.replaceWith(taskRow(known));
  };
  listen({ role, env, job: name }, onEvent);
  await load();
}

/** The configs the job's instances run, with their instance ranges: more than one after a canary. */
function configGroups(groups) {
  if (groups.length === 0) return '';
  return el('section', { class: 'config-groups' },
    el('h2', {}, `Config groups (${groups.length})`),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Instances'), el('th', {}, 'CPU'), el('th', {}, 'RAM'), el('th', {}, 'Processes'))),
      el('tbody', {}, ...groups.map((group) => {
        const task = group.config.task;
        return el('tr', { 'data-instances': group.instances },
          el('td', {}, group.instances),
          el('td', {}, task.resources.cpu),
          el('td', {}, `${Math.floor(task.resources.ram / 1048576)} MB`),
          el('td', {}, task.processes.map((p) => `${p.name}: ${p.cmdline.trim().replace(/\s+/g, ' ')}`).join('; ')));
      }))));
}

/** The job's latest update: status, progress, and its instance events, newest first. */
function updatePanel(update) {
  const events = [...update.instance_events].reverse().slice(0, 20);
  return el('section', { class: 'update', 'data-update-status': update.status },
    el('h2', {}, `Update ${update.update_id.slice(0, 8)}: `, stateBadge(update.status)),
    el('p', {}, `${update.instances_done} of ${update.instances_to_change} instance(s) done, ${update.instances_in_flight} in flight, `
      + `${update.instances_failed} failed — ${update.message || ''}`),
    el('ul', { class: 'update-events' }, ...events.map((e) =>
      el('li', {}, `${ago(e.timestamp)}: instance ${e.instance} ${e.action.replace('INSTANCE_', '').toLowerCase()}`
        + (e.message ? ` (${e.message})` : '')))));
}

const TERMINAL = new Set(['FINISHED', 'FAILED', 'KILLED', 'LOST']);
function isTerminal(state) { return TERMINAL.has(state); }

/** The cluster is part of the API's job keys but not of Aurora's page URLs: a scheduler serves one. */
let cluster = null;

async function route() {
  const parts = location.pathname.replace(/^\/scheduler\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (!cluster) cluster = (await api('/api/v1/cluster')).name;
    if (parts.length === 0) await rolesPage();
    else if (parts.length === 1) await rolePage(parts[0]);
    else if (parts.length === 2) await rolePage(parts[0], parts[1]);
    else await jobPage(parts[0], parts[1], parts[2]);
  } catch (error) {
    view.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

function navigate(href) {
  history.pushState({}, '', href);
  route();
}

window.addEventListener('popstate', route);
setInterval(() => document.querySelectorAll('td.since').forEach((td) => { td.textContent = ago(td.title); }), 5000);
route();
