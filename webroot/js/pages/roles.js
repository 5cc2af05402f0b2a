// /scheduler: every role with its number of jobs and its tasks counted by state.

import { api } from '../api.js';
import { el, link, markRendered, setCrumbs, stateCounts } from '../dom.js';
import { debounce, subscribe } from '../live.js';

export function rolesPage(view) {
  setCrumbs([]);
  document.title = 'Borealis: roles';
  const load = async () => {
    const { jobs } = await api('/api/v1/jobs');
    const roles = new Map();
    for (const job of jobs) {
      const role = roles.get(job.role) || { jobs: 0, counts: {} };
      role.jobs++;
      for (const [state, n] of Object.entries(job.task_counts)) role.counts[state] = (role.counts[state] || 0) + n;
      roles.set(job.role, role);
    }
    const rows = [...roles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([role, info]) =>
      el('tr', { dataset: { role } },
        el('td', {}, link(`/scheduler/${encodeURIComponent(role)}`, role)),
        el('td', { class: 'jobs' }, info.jobs),
        el('td', {}, stateCounts(info.counts))));
    view.replaceChildren(
      el('div', { class: 'page-head' }, el('h1', {}, 'Roles'), link('/updates', 'Updates')),
      rows.length
        ? el('div', { class: 'table-wrap' }, el('table', { class: 'roles' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Role'), el('th', {}, 'Jobs'), el('th', {}, 'Tasks'))), el('tbody', {}, rows)))
        : el('p', { class: 'empty' }, 'No jobs yet. Create one with: ./borealis job create devcluster/www-data/prod/hello examples/hello_world.json'));
    markRendered();
  };
  const reload = debounce(() => load().catch(showError(view)));
  // Summaries are cheap to re-read, and a job's counts change with every task event.
  const stream = subscribe({}, { onEvents: reload, onReset: reload });
  load().catch(showError(view)).finally(() => stream.ready());
  return () => stream.close();
}

export function showError(view) {
  return (error) => view.replaceChildren(el('p', { class: 'error' }, error.message));
}
