// /scheduler/{role}[/{env}]: a role's jobs, arranged as the Aurora guide says: pending, active, finished.

import { api, query } from '../api.js';
import { el, isTerminal, link, markRendered, setCrumbs, stateCounts } from '../dom.js';
import { debounce, subscribe } from '../live.js';
import { showError } from './roles.js';

const WAITING = new Set(['PENDING', 'THROTTLED']);

/**
 * Finished: no task left that is not terminal. Pending: every live task waits for a host (PENDING or
 * THROTTLED). Active: the rest, i.e. at least one task is placed (assigned, starting, running, killing…).
 */
export function jobPhase(counts) {
  const live = Object.entries(counts).filter(([state, n]) => n > 0 && !isTerminal(state));
  if (live.length === 0) return 'finished';
  return live.every(([state]) => WAITING.has(state)) ? 'pending' : 'active';
}

export function rolePage(view, role, env) {
  const roleHref = `/scheduler/${encodeURIComponent(role)}`;
  setCrumbs(env ? [{ text: role, href: roleHref }, { text: env }] : [{ text: role }]);
  document.title = `Borealis: ${role}${env ? `/${env}` : ''}`;
  const load = async () => {
    const { jobs } = await api(`/api/v1/jobs${query({ role, env })}`);
    const phases = { pending: [], active: [], finished: [] };
    jobs.sort((a, b) => a.environment.localeCompare(b.environment) || a.name.localeCompare(b.name))
      .forEach((job) => phases[jobPhase(job.task_counts)].push(job));
    view.replaceChildren(
      el('div', { class: 'page-head' }, el('h1', {}, `Jobs of ${role}${env ? ` in ${env}` : ''}`), link('/updates', 'Updates')),
      jobs.length ? '' : el('p', { class: 'empty' }, 'No jobs.'),
      ...['pending', 'active', 'finished'].map((phase) => jobSection(phase, phases[phase])));
    markRendered();
  };
  const reload = debounce(() => load().catch(showError(view)));
  const stream = subscribe({ role, env }, { onEvents: reload, onReset: reload });
  load().catch(showError(view)).finally(() => stream.ready());
  return () => stream.close();
}

function jobSection(phase, jobs) {
  const title = `${phase[0].toUpperCase()}${phase.slice(1)} jobs (${jobs.length})`;
  return el('section', { class: `jobs ${phase}`, dataset: { phase } },
    el('h2', {}, title),
    jobs.length === 0 ? el('p', { class: 'empty' }, `No ${phase} jobs.`) : el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Job', 'Environment', 'Type', 'Instances', 'Tasks'].map((h) => el('th', { class: h === 'Instances' ? 'hide-narrow' : null }, h)))),
      el('tbody', {}, jobs.map(jobRow)))));
}

function jobRow(job) {
  const envHref = `/scheduler/${encodeURIComponent(job.role)}/${encodeURIComponent(job.environment)}`;
  return el('tr', { dataset: { job: job.key, phase: jobPhase(job.task_counts) } },
    el('td', {}, link(`${envHref}/${encodeURIComponent(job.name)}`, job.name),
      job.tier === 'preferred' ? el('span', { class: 'production', title: 'production (tier preferred)' }, ' ★') : ''),
    el('td', {}, link(envHref, job.environment)),
    el('td', { class: 'type' }, jobType(job)),
    el('td', { class: 'hide-narrow' }, job.instances),
    el('td', {}, stateCounts(job.task_counts)));
}

/** Aurora's three kinds of job; Borealis has no cron yet, so `cron_schedule` is only shown when present. */
export function jobType(job) {
  if (job.cron_schedule) return 'cron';
  return job.service ? 'service' : 'adhoc';
}
