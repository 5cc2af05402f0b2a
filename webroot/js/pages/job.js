// /scheduler/{role}/{env}/{job}: the job's config groups, its update in progress, and its tasks in two
// tabs (active, completed) of virtual tables that follow the event stream task by task.

import { api, cluster, jobPath, query } from '../api.js';
import { agoCell, el, isActiveUpdate, isTerminal, jobCrumbs, link, markRendered, megabytes, stateBadge } from '../dom.js';
import { debounce, subscribe } from '../live.js';
import { createTaskTable } from '../taskTable.js';
import { updatePanel } from '../updateView.js';
import { jobType } from './role.js';
import { showError } from './roles.js';

export function jobPage(view, role, env, name) {
  jobCrumbs(role, env, name);
  document.title = `Borealis: ${role}/${env}/${name}`;
  const base = jobPath(role, env, name);
  const tasks = new Map(); // task id -> task, across both tabs
  let job = null;
  let update = null;
  let tab = 'active';
  let historyOf = null; // the task whose event history is open
  const showHistory = (task) => { historyOf = task.task_id; renderHistory(); };
  const instanceHref = (task) => `${base}/${task.instance}`;
  const tables = {
    active: createTaskTable({ name: 'active', instanceHref, onHistory: showHistory }),
    completed: createTaskTable({ name: 'completed', instanceHref, onHistory: showHistory }),
  };
  const tabBar = el('div', { class: 'tabs', role: 'tablist' });
  const tabBody = el('div', { class: 'tab-body' });
  const history = el('section', { class: 'history', hidden: true });
  const updateSlot = el('div', { class: 'update-slot' });
  const groupsSlot = el('div', { class: 'groups-slot' });
  const headSlot = el('div', { class: 'head-slot' });

  const renderTabs = () => {
    tabBar.replaceChildren(...['active', 'completed'].map((key) => el('button', {
      role: 'tab', type: 'button', 'aria-selected': String(tab === key), dataset: { tab: key },
      onclick: () => { tab = key; renderTabs(); tabBody.replaceChildren(tables[tab].element); tables[tab].paintNow(); },
    }, `${key === 'active' ? 'Active' : 'Completed'} Tasks (${tables[key].size()})`)));
  };

  function renderHistory() {
    const task = historyOf && tasks.get(historyOf);
    history.hidden = !task;
    if (!task) return;
    history.replaceChildren(
      el('h2', {}, `Event history of instance ${task.instance} `, el('span', { class: 'mono' }, task.task_id), ' ',
        link(`${base}/task/${encodeURIComponent(task.task_id)}`, 'task page'), ' ',
        el('button', { type: 'button', class: 'close', onclick: () => { historyOf = null; renderHistory(); } }, 'close')),
      el('ol', { class: 'events' }, task.events.map((event) => el('li', {},
        agoCell(event.timestamp), ' ', stateBadge(event.state), ` ${event.message || ''}`))));
  }

  const renderHead = () => {
    const resources = job.config.task.resources;
    headSlot.replaceChildren(
      el('div', { class: 'page-head' }, el('h1', {}, job.key, job.tier === 'preferred' ? el('span', { class: 'production', title: 'production (tier preferred)' }, ' ★') : ''),
        link(`/updates${query({ role, env, job: name })}`, 'Update history')),
      el('div', { class: 'summary' },
        el('div', {}, el('span', {}, 'Instances'), job.instances),
        el('div', {}, el('span', {}, 'Type'), jobType(job)),
        el('div', {}, el('span', {}, 'Tier'), job.tier),
        el('div', {}, el('span', {}, 'CPU'), resources.cpu),
        el('div', {}, el('span', {}, 'RAM'), megabytes(resources.ram)),
        el('div', {}, el('span', {}, 'Disk'), megabytes(resources.disk)),
        el('div', {}, el('span', {}, 'Processes'), job.config.task.processes.map((p) => p.name).join(', '))));
    groupsSlot.replaceChildren(configGroups(job.config_groups || []));
  };
  const renderUpdate = () => {
    updateSlot.replaceChildren(update ? updatePanel(update, { limit: 10 }) : '');
  };

  const loadUpdate = async () => {
    const { updates } = await api(`/api/v1/updates${query({ role, env, job: name })}`);
    const latest = updates.find((u) => isActiveUpdate(u.status)) || updates[updates.length - 1];
    update = latest ? await api(`/api/v1/updates/${encodeURIComponent(latest.update_id)}`) : null;
    renderUpdate();
  };

  const load = async () => {
    job = await api(`/api/v1/jobs/${encodeURIComponent(await cluster())}/${encodeURIComponent(role)}/${encodeURIComponent(env)}/${encodeURIComponent(name)}`);
    tasks.clear();
    [...job.active_tasks, ...job.completed_tasks].forEach((task) => tasks.set(task.task_id, task));
    tables.active.setTasks(job.active_tasks);
    tables.completed.setTasks(job.completed_tasks);
    if (!headSlot.isConnected) {
      view.replaceChildren(headSlot, groupsSlot, updateSlot, tabBar, tabBody, history);
      tabBody.replaceChildren(tables[tab].element);
    }
    renderHead();
    renderTabs();
    tables[tab].paintNow();
    renderHistory();
    markRendered();
    await loadUpdate();
  };
  const fail = (error) => {
    view.replaceChildren(el('h1', {}, `${role}/${env}/${name}`), el('p', { class: 'error' }, error.message));
  };
  const reload = debounce(() => load().catch(fail), 300);
  const reloadUpdate = debounce(() => loadUpdate().catch(() => {}), 150);

  const onEvents = (batch) => {
    let jobChanged = false;
    for (const event of batch) {
      if (event.type === 'task') applyTaskEvent(event);
      else if (event.type === 'health') applyHealthEvent(event);
      else if (event.type === 'update') {
        reloadUpdate();
        // A finished update leaves the job with other config groups.
        if (!isActiveUpdate(event.status)) jobChanged = true;
      } else if (event.type === 'job') jobChanged = true;
    }
    renderTabs();
    if (historyOf) renderHistory();
    if (jobChanged) reload();
  };

  function applyTaskEvent(event) {
    let task = tasks.get(event.task_id);
    if (event.deleted) {
      tasks.delete(event.task_id);
      tables.active.remove(event.task_id);
      tables.completed.remove(event.task_id);
      return;
    }
    if (!task) {
      task = { task_id: event.task_id, instance: event.instance, state: event.state, since: event.timestamp, host: event.host, events: [] };
      tasks.set(task.task_id, task);
    }
    const last = task.events[task.events.length - 1];
    const duplicate = last && last.timestamp === event.timestamp && last.state === event.state;
    if (!duplicate) task.events.push({ timestamp: event.timestamp, state: event.state, message: event.message });
    Object.assign(task, { state: event.state, since: event.timestamp, host: event.host || task.host, message: event.message, pending_reason: null });
    if (event.state !== 'RUNNING') task.health = null;
    const [home, other] = isTerminal(task.state) ? [tables.completed, tables.active] : [tables.active, tables.completed];
    if (home.has(task.task_id)) {
      home.changed(task);
    } else {
      other.remove(task.task_id);
      home.add(task);
    }
  }

  function applyHealthEvent(event) {
    const task = tasks.get(event.task_id);
    if (!task) return;
    task.health = event.health;
    (isTerminal(task.state) ? tables.completed : tables.active).changed(task);
  }

  const stream = subscribe({ role, env, job: name }, { onEvents, onReset: reload });
  load().catch(fail).finally(() => stream.ready());
  return () => stream.close();
}

/** The configs the job's instances run, with their instance ranges: more than one after a canary. */
function configGroups(groups) {
  if (groups.length === 0) return '';
  return el('section', { class: 'config-groups' },
    el('h2', {}, `Configuration (${groups.length})`),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Instances', 'CPU', 'RAM', 'Disk', 'Processes'].map((h) => el('th', { class: h === 'Disk' ? 'hide-narrow' : null }, h)))),
      el('tbody', {}, groups.map((group) => {
        const task = group.config.task;
        return el('tr', { dataset: { instances: group.instances } },
          el('td', {}, group.instances),
          el('td', {}, task.resources.cpu),
          el('td', {}, megabytes(task.resources.ram)),
          el('td', { class: 'hide-narrow' }, megabytes(task.resources.disk)),
          el('td', { class: 'mono' }, task.processes.map((p) => `${p.name}: ${p.cmdline.trim().replace(/\s+/g, ' ')}`).join('; ')));
      })))));
}
