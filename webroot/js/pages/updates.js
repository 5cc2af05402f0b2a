// /updates (every update, or one job's with ?role=&env=&job=) and
// /scheduler/{role}/{env}/{job}/update/{id}: updates with their live progress and instance events.

import { api, query } from '../api.js';
import { agoCell, el, isActiveUpdate, jobCrumbs, markRendered, setCrumbs, stateBadge } from '../dom.js';
import { debounce, subscribe } from '../live.js';
import { updatePanel } from '../updateView.js';
import { showError } from './roles.js';

/** Finished updates shown with their instance events; older ones are listed as summaries only. */
const DETAILED_FINISHED = 10;

export function updatesPage(view) {
  const filter = Object.fromEntries(['role', 'env', 'job'].map((key) => [key, new URLSearchParams(location.search).get(key)]).filter(([, v]) => v));
  setCrumbs([{ text: 'updates' }, filter.job ? { text: `${filter.role}/${filter.env}/${filter.job}` } : null].filter(Boolean));
  document.title = 'Borealis: updates';
  const panels = new Map(); // update id -> its panel in the list
  const list = el('div', { class: 'update-list' });

  const load = async () => {
    const { updates } = await api(`/api/v1/updates${query(filter)}`);
    updates.sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
    let finishedWithDetail = 0;
    const shown = await Promise.all(updates.map((update) => {
      const detailed = isActiveUpdate(update.status) || finishedWithDetail++ < DETAILED_FINISHED;
      return detailed ? api(`/api/v1/updates/${encodeURIComponent(update.update_id)}`) : update;
    }));
    panels.clear();
    list.replaceChildren(...shown.map((update) => {
      const panel = updatePanel(update, { limit: 10, withJob: true });
      panels.set(update.update_id, panel);
      return panel;
    }));
    view.replaceChildren(el('h1', {}, 'Updates'), shown.length ? list : el('p', { class: 'empty' }, 'No updates.'));
    markRendered();
  };
  const reloadAll = debounce(() => load().catch(showError(view)));
  const refreshOne = coalescedRefresh(async (id) => {
    const panel = panels.get(id);
    if (!panel) return reloadAll();
    const fresh = updatePanel(await api(`/api/v1/updates/${encodeURIComponent(id)}`), { limit: 10, withJob: true });
    panel.replaceWith(fresh);
    panels.set(id, fresh);
    return undefined;
  });
  const stream = subscribe({ ...filter, type: 'update' }, {
    onEvents: (batch) => batch.forEach((event) => refreshOne(event.update_id)),
    onReset: reloadAll,
  });
  load().catch(showError(view)).finally(() => stream.ready());
  return () => stream.close();
}

export function updatePage(view, { role, env, job, updateId }) {
  jobCrumbs(role, env, job, `update ${updateId.slice(0, 8)}`);
  document.title = `Borealis: update ${updateId}`;
  const load = async () => {
    const update = await api(`/api/v1/updates/${encodeURIComponent(updateId)}`);
    const settings = update.settings || {};
    view.replaceChildren(
      el('h1', {}, `Update ${update.update_id}`),
      updatePanel(update, { limit: 1000, withJob: true }),
      el('section', { class: 'update-settings' }, el('h2', {}, 'Settings'),
        el('p', {}, Object.entries(settings).map(([key, value]) => `${key}=${value}`).join(', '))),
      el('section', { class: 'status-events' }, el('h2', {}, 'Status history'),
        el('ol', { class: 'events' }, (update.status_events || []).map((event) => el('li', {},
          agoCell(event.timestamp), ' ', stateBadge(event.status), ` ${event.message || ''}`)))));
    markRendered();
  };
  const reload = coalescedRefresh(() => load().catch(showError(view)));
  const stream = subscribe({ role, env, job, type: 'update' }, {
    onEvents: (batch) => { if (batch.some((event) => event.update_id === updateId)) reload(updateId); },
    onReset: () => reload(updateId),
  });
  load().catch(showError(view)).finally(() => stream.ready());
  return () => stream.close();
}

/**
 * Re-reads one update at most once per 150 ms however many events name it, never twice at once, and
 * once more after a read if an event came in during it (so the last event is always reflected).
 */
function coalescedRefresh(refresh) {
  const scheduled = new Set();
  const running = new Set();
  const again = new Set();
  const run = async (id) => {
    scheduled.delete(id);
    running.add(id);
    try {
      await refresh(id);
    } catch (error) {
      // Shown by the next successful read; the stream's next event or reset triggers one.
    } finally {
      running.delete(id);
      if (again.delete(id)) request(id);
    }
  };
  const request = (id) => {
    if (running.has(id)) again.add(id);
    else if (!scheduled.has(id)) {
      scheduled.add(id);
      setTimeout(() => run(id), 150);
    }
  };
  return request;
}
