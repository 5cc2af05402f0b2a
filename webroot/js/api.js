// The scheduler's JSON API, as the pages use it.

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error ? body.error.message : `HTTP ${response.status} for ${path}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

export function query(params) {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

let clusterName = null;

/** The cluster is part of the API's job keys but not of Aurora's page URLs: a scheduler serves one. */
export async function cluster() {
  if (!clusterName) clusterName = (await api('/api/v1/cluster')).name;
  return clusterName;
}

export function jobPath(role, env, name) {
  return `/scheduler/${encodeURIComponent(role)}/${encodeURIComponent(env)}/${encodeURIComponent(name)}`;
}
