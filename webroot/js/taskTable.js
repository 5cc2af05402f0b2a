// A task table that stays fast at 10,000 rows: only the rows in view (plus a few either side) exist in
// the DOM. Rows have a fixed height, a spacer gives the scroll box its full height, and each visible
// row is positioned at index × ROW_HEIGHT. A changed task re-renders its own row if it is on screen
// (O(1), tasks are indexed by id); re-filtering and re-sorting happen at most once per frame, and only
// when a change can move rows.

import { agoCell, el, link, STATES, stateBadge, stateOrder } from './dom.js';

export const ROW_HEIGHT = 38;
const OVERSCAN = 8;
const COLUMNS = [
  { key: 'instance', label: 'Instance' },
  { key: 'state', label: 'State' },
  { key: 'since', label: 'Since' },
  { key: 'host', label: 'Host' },
  { key: 'message', label: 'Last event / pending reason' },
  { key: 'history', label: 'History', sortable: false },
];

const COMPARE = {
  instance: (a, b) => a.instance - b.instance,
  state: (a, b) => stateOrder(a.state) - stateOrder(b.state) || a.instance - b.instance,
  since: (a, b) => sinceMillis(a) - sinceMillis(b) || a.instance - b.instance,
  host: (a, b) => (a.host || '').localeCompare(b.host || '') || a.instance - b.instance,
  message: (a, b) => messageOf(a).localeCompare(messageOf(b)) || a.instance - b.instance,
};

function sinceMillis(task) {
  if (task.sinceMillis === undefined || task.sinceFor !== task.since) {
    task.sinceMillis = Date.parse(task.since);
    task.sinceFor = task.since;
  }
  return task.sinceMillis;
}

export function messageOf(task) {
  return task.pending_reason || task.message || '';
}

/**
 * @param name 'active' or 'completed', for test hooks
 * @param instanceHref (task) => link of the instance's page
 * @param onHistory (task) => show the task's event history
 */
export function createTaskTable({ name, instanceHref, onHistory }) {
  const tasks = new Map(); // task id -> task: the table's content
  let shown = []; // tasks after filter and sort, in display order
  let orderStale = true;
  let frame = 0;
  let sortKey = 'instance';
  let sortDirection = 1;
  let stateFilter = '';
  let search = '';
  const rendered = new Map(); // task id -> row element, for rows now in the DOM

  const searchBox = el('input', { type: 'search', class: 'task-search', placeholder: 'Search instance, host, message…', 'aria-label': 'Search tasks' });
  const stateSelect = el('select', { class: 'state-filter', 'aria-label': 'Filter by state' },
    el('option', { value: '' }, 'All states'), STATES.map((state) => el('option', { value: state }, state)));
  const summary = el('span', { class: 'table-summary muted' });
  const header = el('div', { class: 'vrow vhead', role: 'row' }, COLUMNS.map((column) => el('div', {
    class: `cell c-${column.key}`, role: 'columnheader', dataset: { sort: column.key },
  }, column.sortable === false ? column.label : el('button', { type: 'button', class: 'sort', onclick: () => sortBy(column.key) }, column.label))));
  const spacer = el('div', { class: 'vspacer', role: 'rowgroup' });
  const scroller = el('div', { class: 'vscroll', tabindex: '0' }, spacer);
  const element = el('div', { class: 'task-table', dataset: { table: name }, role: 'table', 'aria-label': `${name} tasks` },
    el('div', { class: 'table-tools' }, searchBox, stateSelect, summary), header, scroller);

  searchBox.addEventListener('input', () => { search = searchBox.value.trim().toLowerCase(); invalidateOrder(); });
  stateSelect.addEventListener('change', () => { stateFilter = stateSelect.value; invalidateOrder(); });
  scroller.addEventListener('scroll', () => schedule(), { passive: true });

  function sortBy(key) {
    sortDirection = key === sortKey ? -sortDirection : 1;
    sortKey = key;
    header.querySelectorAll('[data-sort]').forEach((cell) => cell.setAttribute('aria-sort',
      cell.dataset.sort === sortKey ? (sortDirection > 0 ? 'ascending' : 'descending') : 'none'));
    invalidateOrder();
  }

  function matches(task) {
    if (stateFilter && task.state !== stateFilter) return false;
    if (!search) return true;
    return `${task.instance} ${task.state} ${task.host || ''} ${task.task_id} ${messageOf(task)}`.toLowerCase().includes(search);
  }

  /** Whether a change to this task can move rows: it can, once filtered or sorted by something that changes. */
  function orderDependsOnChanges() {
    return stateFilter !== '' || search !== '' || sortKey !== 'instance';
  }

  function invalidateOrder() {
    orderStale = true;
    schedule();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(paint);
  }

  function paint() {
    frame = 0;
    if (orderStale) {
      const compare = COMPARE[sortKey];
      shown = [...tasks.values()].filter(matches).sort((a, b) => sortDirection * compare(a, b));
      orderStale = false;
      spacer.style.height = `${shown.length * ROW_HEIGHT}px`;
      summary.textContent = shown.length === tasks.size ? `${tasks.size} tasks` : `${shown.length} of ${tasks.size} tasks`;
      rendered.forEach((row) => row.remove());
      rendered.clear();
    }
    renderWindow();
  }

  function renderWindow() {
    const height = scroller.clientHeight || window.innerHeight;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(shown.length, Math.ceil((scroller.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    const wanted = new Set();
    for (let index = first; index < last; index++) {
      const task = shown[index];
      wanted.add(task.task_id);
      let row = rendered.get(task.task_id);
      if (!row || Number(row.dataset.index) !== index) {
        const fresh = renderRow(task, index);
        if (row) row.replaceWith(fresh); else spacer.append(fresh);
        rendered.set(task.task_id, fresh);
      }
    }
    rendered.forEach((row, id) => {
      if (!wanted.has(id)) {
        row.remove();
        rendered.delete(id);
      }
    });
  }

  function renderRow(task, index) {
    return el('div', {
      class: 'vrow task-row', role: 'row', style: `transform: translateY(${index * ROW_HEIGHT}px)`,
      dataset: { instance: task.instance, taskId: task.task_id, index, state: task.state },
    },
    el('div', { class: 'cell c-instance' }, link(instanceHref(task), String(task.instance))),
    el('div', { class: 'cell c-state state-cell' }, stateBadge(task.state),
      task.health ? el('span', { class: `health ${task.health}` }, task.health.toLowerCase()) : ''),
    agoCell(task.since, 'div', 'cell c-since since'),
    el('div', { class: 'cell c-host host', title: task.host || '' }, task.host || '—'),
    el('div', { class: 'cell c-message message', title: messageOf(task) }, messageOf(task)),
    el('div', { class: 'cell c-history' }, el('button', { type: 'button', class: 'history', onclick: () => onHistory(task) },
      `${task.events.length} events`)));
  }

  return {
    element,
    size: () => tasks.size,
    has: (taskId) => tasks.has(taskId),
    /** Replaces the whole content (a load or a reset). */
    setTasks(list) {
      tasks.clear();
      list.forEach((task) => tasks.set(task.task_id, task));
      invalidateOrder();
    },
    add(task) {
      tasks.set(task.task_id, task);
      invalidateOrder();
    },
    remove(taskId) {
      if (tasks.delete(taskId)) invalidateOrder();
    },
    /** The task (already mutated) changed: redraw its row if it is on screen; move rows only if order depends on it. */
    changed(task) {
      if (orderDependsOnChanges()) {
        invalidateOrder();
        return;
      }
      const row = rendered.get(task.task_id);
      if (row) {
        const fresh = renderRow(task, Number(row.dataset.index));
        row.replaceWith(fresh);
        rendered.set(task.task_id, fresh);
      }
    },
    /** Draws now (not on the next frame): for the first paint of a page. */
    paintNow() {
      cancelAnimationFrame(frame);
      paint();
    },
  };
}
