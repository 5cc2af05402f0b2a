// Borealis dashboard: a dependency-free single-page app over the scheduler's JSON API, at Aurora's
// page URLs. Each page renders into <main id="view"> and returns how to stop it (close its event
// stream, cancel its timers) before the next page starts; pages load their data asynchronously.

import { el, refreshAgo } from './dom.js';
import { NAVIGATE } from './nav.js';
import { stats } from './stats.js';
import { rolesPage } from './pages/roles.js';
import { rolePage } from './pages/role.js';
import { jobPage } from './pages/job.js';
import { taskPage } from './pages/task.js';
import { updatePage, updatesPage } from './pages/updates.js';
import { watchMesos } from './mesosBanner.js';


const view = document.getElementById('view');
let stopPage = null;

/** The page for a path, following Aurora's routes. */
function pageFor(path) {
  if (path === '/updates' || path === '/updates/') return () => updatesPage(view);
  const parts = path.replace(/^\/scheduler\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [role, env, job, fourth, fifth] = parts;
  if (parts.length === 0) return () => rolesPage(view);
  if (parts.length <= 2) return () => rolePage(view, role, env);
  if (parts.length === 3) return () => jobPage(view, role, env, job);
  if (parts.length === 4 && /^\d+$/.test(fourth)) return () => taskPage(view, { role, env, job, instance: Number(fourth) });
  if (parts.length === 5 && fourth === 'task') return () => taskPage(view, { role, env, job, taskId: fifth });
  if (parts.length === 5 && fourth === 'update') return () => updatePage(view, { role, env, job, updateId: fifth });
  return null;
}

function route() {
  if (stopPage) stopPage();
  stopPage = null;
  stats.renderedAt = undefined;
  const page = pageFor(location.pathname);
  if (!page) {
    view.replaceChildren(el('p', { class: 'error' }, `No page at ${location.pathname}`));
    return;
  }
  try {
    stopPage = page();
  } catch (error) {
    view.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

window.addEventListener('popstate', route);
// A page kept in the back/forward cache would otherwise keep its event stream open, and browsers allow
// only six connections per host: a few cached pages would stall the next page's requests.
window.addEventListener('pagehide', () => {
  if (stopPage) stopPage();
  stopPage = null;
});
window.addEventListener('pageshow', (event) => { if (event.persisted) route(); });
window.addEventListener(NAVIGATE, route);
setInterval(refreshAgo, 5000);
watchMesos();
route();
