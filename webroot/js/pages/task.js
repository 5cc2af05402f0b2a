// /scheduler/{role}/{env}/{job}/{instance} (the instance's current task) and
// /scheduler/{role}/{env}/{job}/task/{taskId}: a task's events, its processes and a tail of their logs.

import { api, jobPath, query } from '../api.js';
import { agoCell, el, isTerminal, jobCrumbs, link, markRendered, stateBadge } from '../dom.js';
import { debounce, subscribe } from '../live.js';
import { createLogTail } from '../logTail.js';

const PROCESS_POLL_MS = 3000;

export function taskPage(view, { role, env, job, instance, taskId }) {
  const base = jobPath(role, env, job);
  jobCrumbs(role, env, job, taskId ? `task ${taskId}` : `instance ${instance}`);
  let task = null;
  let siblings = [];
  const tails = new Map(); // process name -> log tail
  let processTimer = null;
  const head = el('div', { class: 'task-head' });
  const events = el('section', { class: 'task-events' });
  const processes = el('section', { class: 'processes' }, el('h2', {}, 'Processes'));
  const logs = el('section', { class: 'logs' });

  const renderHead = () => {
    const ports = Object.entries(task.ports || {}).map(([portName, port]) => `${portName}=${port}`).join(', ');
    head.replaceChildren(
      el('h1', {}, `Instance ${task.instance} of ${task.job}`),
      el('div', { class: 'summary' },
        el('div', {}, el('span', {}, 'State'), stateBadge(task.state), task.health ? el('span', { class: `health ${task.health}` }, task.health.toLowerCase()) : ''),
        el('div', {}, el('span', {}, 'Since'), agoCell(task.since)),
        el('div', {}, el('span', {}, 'Host'), task.host || '—'),
        el('div', {}, el('span', {}, 'Ports'), ports || '—'),
        el('div', {}, el('span', {}, 'Failures'), task.failure_count ?? 0),
        el('div', { class: 'wide' }, el('span', {}, 'Task'), el('span', { class: 'mono task-id' }, task.task_id))),
      task.pending_reason ? el('p', { class: 'pending-reason' }, `Pending: ${task.pending_reason}`) : '',
      siblings.length > 1 ? el('p', { class: 'siblings' }, 'Tasks of this instance: ', siblings.map((other, i) => [i ? ', ' : '',
        other.task_id === task.task_id ? el('strong', {}, other.state) : link(`${base}/task/${encodeURIComponent(other.task_id)}`, other.state),
        ' ', agoCell(other.since)])) : '');
  };
  const renderEvents = () => {
    events.replaceChildren(el('h2', {}, `Events (${task.events.length})`),
      el('ol', { class: 'events' }, task.events.map((event) => el('li', { dataset: { state: event.state } },
        agoCell(event.timestamp), ' ', stateBadge(event.state), ` ${event.message || ''}`))));
  };

  const loadProcesses = async () => {
    if (!task || !task.agent_id) {
      processes.replaceChildren(el('h2', {}, 'Processes'), el('p', { class: 'muted' }, 'Not placed on an agent yet: no sandbox.'));
      return;
    }
    let list;
    try {
      list = (await api(`/api/v1/tasks/${encodeURIComponent(task.task_id)}/processes`)).processes;
    } catch (error) {
      processes.replaceChildren(el('h2', {}, 'Processes'), el('p', { class: 'error' }, error.message));
      return;
    }
    processes.replaceChildren(el('h2', {}, 'Processes'), list.length === 0 ? el('p', { class: 'muted' }, 'The executor has not reported any process yet.')
      : el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Process', 'State', 'Run', 'Failures', 'Exit code', 'Started'].map((h) => el('th', {}, h)))),
        el('tbody', {}, list.map((process) => el('tr', { dataset: { process: process.name } },
          el('td', {}, process.name), el('td', { class: 'process-state' }, stateBadge(process.state)), el('td', {}, process.run),
          el('td', {}, process.failures), el('td', {}, process.exit_code ?? '—'), el('td', {}, agoCell(process.start_time))))))));
    for (const process of list) {
      if (process.run < 0) continue;
      let tail = tails.get(process.name);
      if (!tail || tail.run !== process.run) {
        if (tail) {
          tail.stop();
          tail.element.remove();
        }
        tail = createLogTail(task.task_id, process.name, process.run, () => !isTerminal(task.state));
        tails.set(process.name, tail);
        logs.append(tail.element);
      }
    }
  };

  const load = async () => {
    let id = taskId;
    if (id === undefined) {
      const { tasks } = await api(`/api/v1/tasks${query({ role, env, job, instance, limit: 1000 })}`);
      if (!tasks.length) throw new Error(`Instance ${instance} of ${role}/${env}/${job} has no tasks.`);
      siblings = tasks.sort((a, b) => Date.parse(b.since) - Date.parse(a.since));
      id = (siblings.find((t) => !isTerminal(t.state)) || siblings[0]).task_id;
    }
    const previous = task;
    task = await api(`/api/v1/tasks/${encodeURIComponent(id)}`);
    if (previous && previous.task_id !== task.task_id) {
      tails.forEach((tail) => { tail.stop(); tail.element.remove(); });
      tails.clear();
    }
    if (taskId !== undefined) {
      siblings = (await api(`/api/v1/tasks${query({ role, env, job, instance: task.instance, limit: 1000 })}`)).tasks
        .sort((a, b) => Date.parse(b.since) - Date.parse(a.since));
    }
    document.title = `Borealis: ${task.job}/${task.instance}`;
    if (!head.isConnected) view.replaceChildren(head, events, processes, logs);
    renderHead();
    renderEvents();
    markRendered();
    await loadProcesses();
  };
  const fail = (error) => view.replaceChildren(el('p', { class: 'error' }, error.message));
  const reload = debounce(() => load().catch(fail), 200);
  const reloadProcesses = debounce(() => loadProcesses(), 300);

  const onEvents = (batch) => {
    for (const event of batch) {
      if (!task || event.type === 'update' || event.type === 'job') continue;
      if (event.task_id !== task.task_id) {
        // On an instance page, a new task for the instance (a restart, an update) becomes the one shown.
        if (event.type === 'task' && event.instance === task.instance) reload();
        continue;
      }
      if (event.type === 'health') task.health = event.health;
      if (event.type === 'task') {
        if (event.deleted) { reload(); continue; }
        const last = task.events[task.events.length - 1];
        if (!last || last.timestamp !== event.timestamp || last.state !== event.state) {
          task.events.push({ timestamp: event.timestamp, state: event.state, message: event.message });
        }
        Object.assign(task, { state: event.state, since: event.timestamp, host: event.host || task.host, pending_reason: null });
        if (event.state !== 'RUNNING') task.health = null;
        // Placement gives the task its agent; the process table needs it.
        if (!task.agent_id && event.host) reload(); else reloadProcesses();
      }
      renderHead();
      renderEvents();
    }
  };

  const stream = subscribe({ role, env, job }, { onEvents, onReset: reload });
  load().catch(fail).finally(() => stream.ready());
  processTimer = setInterval(() => { if (task && !isTerminal(task.state)) loadProcesses(); }, PROCESS_POLL_MS);
  return () => {
    stream.close();
    clearInterval(processTimer);
    tails.forEach((tail) => tail.stop());
  };
}
