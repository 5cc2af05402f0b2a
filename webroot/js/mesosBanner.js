// The header's Mesos banner: red, with the master's own words, once Mesos has ended the framework
// (GET /api/v1/cluster says mesos.fatal). The scheduler has then stopped scheduling for good, which
// no event on the live stream would announce, so the header asks every few seconds. A transient
// loss of the subscription (the scheduler re-subscribes by itself) shows nothing here.

import { api } from './api.js';

const POLL_MS = 5000;

async function refresh() {
  const banner = document.getElementById('mesos');
  try {
    const mesos = (await api('/api/v1/cluster')).mesos;
    const fatal = Boolean(mesos && mesos.fatal);
    banner.hidden = !fatal;
    banner.textContent = fatal ? `Mesos: ${mesos.problem}` : '';
  } catch {
    // The scheduler itself is unreachable; the live indicator already says so.
  }
}

export function watchMesos() {
  refresh();
  setInterval(refresh, POLL_MS);
}
