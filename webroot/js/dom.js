// Small DOM helpers. Data only ever enters the page as text nodes or attribute values, never as HTML.

import { navigate } from './nav.js';
import { stats } from './stats.js';

/** Creates an element with attributes and children; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An in-app link: plain clicks route in the page, modified clicks open tabs as usual. */
export function link(href, ...text) {
  return el('a', {
    href,
    onclick: (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      navigate(href);
    },
  }, ...text);
}

/** A state as Aurora spells it, coloured by what it means. */
export function stateBadge(state) {
  return el('span', { class: `state ${state}` }, state);
}

/** "12s ago" for an ISO time; the full time goes in the title, and `refreshAgo` keeps the text fresh. */
export function ago(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86400)}d ago`;
}

export function agoCell(iso, tag = 'span', className = '') {
  return el(tag, { class: `ago ${className}`.trim(), title: iso, dataset: { at: iso || '' } }, ago(iso));
}

/** Rewrites every relative time on screen; cheap, because virtual tables keep few of them in the DOM. */
export function refreshAgo() {
  document.querySelectorAll('.ago[data-at]').forEach((node) => { node.textContent = ago(node.dataset.at); });
}

export function megabytes(bytes) {
  return `${Math.floor(bytes / 1048576)} MB`;
}

/** Per-state counts as badges, in Aurora's order of states. */
export function stateCounts(counts) {
  const entries = Object.entries(counts || {}).filter(([, n]) => n > 0).sort(([a], [b]) => stateOrder(a) - stateOrder(b));
  if (!entries.length) return el('span', { class: 'muted' }, 'none');
  return el('span', { class: 'counts' }, entries.map(([state, n]) => el('span', { class: 'count', dataset: { state } }, stateBadge(state), ` ${n}`)));
}

export const STATES = ['PENDING', 'THROTTLED', 'ASSIGNED', 'STARTING', 'RUNNING', 'KILLING', 'RESTARTING', 'PREEMPTING',
  'DRAINING', 'PARTITIONED', 'FINISHED', 'FAILED', 'KILLED', 'LOST'];
const TERMINAL = new Set(['FINISHED', 'FAILED', 'KILLED', 'LOST']);

export function stateOrder(state) {
  const index = STATES.indexOf(state);
  return index < 0 ? STATES.length : index;
}

export function isTerminal(state) {
  return TERMINAL.has(state);
}

/** Updates that are still moving, as opposed to ROLLED_FORWARD, ROLLED_BACK, ABORTED, ERROR, FAILED. */
export function isActiveUpdate(status) {
  return /^(ROLLING_|ROLL_)/.test(status);
}

/** A progress bar of done out of total, labelled for screen readers and tests. */
export function progressBar(done, total) {
  const percent = total > 0 ? Math.round((100 * done) / total) : 100;
  return el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done },
    el('div', { class: 'bar', style: `width: ${percent}%` }), el('span', { class: 'label' }, `${done} / ${total}`));
}

/** The breadcrumbs in the header: [{text, href?}]. */
export function setCrumbs(parts) {
  const crumbs = document.getElementById('crumbs');
  crumbs.replaceChildren(...parts.flatMap((part, i) => [i ? ' / ' : '', part.href ? link(part.href, part.text) : el('span', {}, part.text)]));
}

/** Crumbs for a job's pages: role / env / job. */
export function jobCrumbs(role, env, job, last) {
  const base = `/scheduler/${encodeURIComponent(role)}`;
  const parts = [{ text: role, href: base }, { text: env, href: `${base}/${encodeURIComponent(env)}` }];
  if (job) parts.push({ text: job, href: last ? `${base}/${encodeURIComponent(env)}/${encodeURIComponent(job)}` : undefined });
  if (last) parts.push({ text: last });
  setCrumbs(parts);
}

/** Marks the moment the page's main content was painted: the frame after the DOM change. */
export function markRendered() {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (stats.renderedAt === undefined) stats.renderedAt = performance.now();
  }));
}
