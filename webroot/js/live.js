// The live event stream (/api/v1/events), one connection per page.
//
// Order of work so nothing on screen is stale: subscribe first, then load the page's data, then apply
// whatever arrived meanwhile (applying an event twice is harmless: the last one wins). The browser
// reconnects by itself and resumes with Last-Event-ID; if it gives up (the server answered an error),
// we reconnect with ?last_event_id= ourselves. A `reset` event means the server could not resume: the
// page re-reads its data.

import { query } from './api.js';
import { stats } from './stats.js';

const status = () => document.getElementById('live');
const RETRY_MS = 2000;
const EVENT_TYPES = ['task', 'health', 'job', 'update'];


/**
 * Opens the stream for `filter` ({role, env, job}). `onEvents(batch)` gets the events of one animation
 * frame together, so a burst costs one DOM update; `onReset()` must re-read the page's data.
 * Returns { ready(): call once the data is loaded, close() }.
 */
export function subscribe(filter, { onEvents, onReset }) {
  let source = null;
  let closed = false;
  let loaded = false;
  let retryTimer = null;
  let frame = 0;
  let queue = [];
  let lastId = null;

  const flush = () => {
    frame = 0;
    if (!loaded || closed || !queue.length) return;
    const batch = queue;
    queue = [];
    onEvents(batch);
    stats.appliedAt = performance.now();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const receive = (message) => {
    stats.eventsSeen++;
    lastId = message.lastEventId;
    stats.lastEventId = lastId;
    // Kept (bounded) so tests can check that a reconnect resumed without a gap.
    if (stats.eventIds.length < 20000) stats.eventIds.push(Number(lastId));
    queue.push(JSON.parse(message.data));
    schedule();
  };
  const reset = (message) => {
    stats.resets++;
    // The reset's id is the latest the server had: re-read state, then carry on from there.
    if (message.lastEventId) lastId = message.lastEventId;
    queue = [];
    onReset();
  };
  const connect = () => {
    const resume = lastId ? { last_event_id: lastId } : {};
    source = new EventSource(`/api/v1/events${query({ ...filter, ...resume })}`);
    source.onopen = () => setStatus('live', 'on');
    source.onerror = () => {
      setStatus('reconnecting…', 'off');
      if (source.readyState === EventSource.CLOSED && !closed) {
        // The browser stopped retrying (an error answer, not a dropped connection): we retry ourselves.
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, RETRY_MS);
      }
    };
    EVENT_TYPES.forEach((type) => source.addEventListener(type, receive));
    source.addEventListener('reset', reset);
  };
  connect();
  return {
    ready() {
      loaded = true;
      schedule();
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      cancelAnimationFrame(frame);
      if (source) source.close();
    },
  };
}

function setStatus(text, state) {
  const node = status();
  node.textContent = text;
  node.className = `live ${state}`;
}

/**
 * Calls `load` once within `ms` however many times it is asked in between, never twice at once, and once
 * more if asked while it runs: two overlapping reads could answer out of order and leave the older on screen.
 */
export function debounce(load, ms = 200) {
  let timer = null;
  let running = false;
  let again = false;
  const run = async () => {
    timer = null;
    running = true;
    try {
      await load();
    } finally {
      running = false;
      if (again) {
        again = false;
        request();
      }
    }
  };
  const request = () => {
    if (running) {
      again = true;
      return;
    }
    // Not pushed back by later asks: a steady stream of events must not starve the page of reads.
    if (!timer) timer = setTimeout(run, ms);
  };
  return request;
}
