// How an update looks wherever it appears: its status, its progress and its latest instance events.

import { agoCell, el, link, progressBar, stateBadge } from './dom.js';

export function updateHref(update) {
  return `/scheduler/${encodeURIComponent(update.role)}/${encodeURIComponent(update.environment)}/${encodeURIComponent(update.name)}`
    + `/update/${encodeURIComponent(update.update_id)}`;
}

/** "instance 3 updating (reason)", newest first. */
export function instanceEventList(events, limit) {
  const newest = [...(events || [])].reverse().slice(0, limit);
  if (!newest.length) return el('p', { class: 'muted' }, 'No instance events yet.');
  return el('ul', { class: 'update-events' }, newest.map((event) => el('li', { dataset: { instance: event.instance } },
    agoCell(event.timestamp), `: instance ${event.instance} ${event.action.replace('INSTANCE_', '').toLowerCase().replace(/_/g, ' ')}`,
    event.message ? ` (${event.message})` : '')));
}

/** The panel for one update (a summary with, when known, its instance events). */
export function updatePanel(update, { limit = 20, withJob = false } = {}) {
  return el('section', { class: 'update', dataset: { updateId: update.update_id, updateStatus: update.status } },
    el('h2', {}, link(updateHref(update), `Update ${update.update_id.slice(0, 8)}`),
      withJob ? [' of ', link(`/scheduler/${encodeURIComponent(update.role)}/${encodeURIComponent(update.environment)}/${encodeURIComponent(update.name)}`, update.key)] : '',
      ': ', stateBadge(update.status)),
    progressBar(update.instances_done, update.instances_to_change),
    el('p', { class: 'update-counts' }, `${update.instances_done} of ${update.instances_to_change} instance(s) done, `
      + `${update.instances_in_flight} in flight, ${update.instances_failed} failed`,
    update.message ? ` — ${update.message}` : '', ' · started ', agoCell(update.created)),
    update.instance_events ? instanceEventList(update.instance_events, limit) : '');
}
