// The tail of one process's stdout and stderr, read through the scheduler's proxy of the agent's
// /files/read: first the log's size (offset -1), then the last TAIL_BYTES, then whatever is appended,
// polled while the task may still write.

import { api, query } from './api.js';
import { el } from './dom.js';

const TAIL_BYTES = 16 * 1024;
const POLL_MS = 2000;
/** Text kept on screen per log; older text is dropped from the top. */
const MAX_CHARS = 256 * 1024;

export function createLogTail(taskId, process, run, stillWriting) {
  let stream = 'stdout';
  let offset = null; // next byte to read, null before the size is known
  let timer = null;
  let stopped = false;
  const output = el('pre', { class: 'log', dataset: { process, stream }, tabindex: '0' });
  const tabs = el('div', { class: 'tabs small', role: 'tablist' });
  const element = el('section', { class: 'log-tail', dataset: { process } },
    el('h2', {}, `Log of ${process} (run ${run})`), tabs, output);

  const renderTabs = () => tabs.replaceChildren(...['stdout', 'stderr'].map((name) => el('button', {
    type: 'button', role: 'tab', 'aria-selected': String(stream === name), dataset: { stream: name },
    onclick: () => { if (stream !== name) { stream = name; restart(); } },
  }, name)));

  const read = async (params) => api(`/api/v1/tasks/${encodeURIComponent(taskId)}/logs/${encodeURIComponent(process)}/${stream}${query({ run, ...params })}`);

  async function poll() {
    const streamAtStart = stream;
    try {
      if (offset === null) {
        const size = (await read({ offset: -1 })).offset;
        offset = Math.max(0, size - TAIL_BYTES);
        if (offset > 0) output.append(document.createTextNode(`… (${offset} earlier bytes not shown)\n`));
      }
      for (let reads = 0; reads < 8; reads++) {
        const chunk = await read({ offset });
        if (stopped || stream !== streamAtStart) return;
        if (!chunk.data) break;
        output.append(document.createTextNode(chunk.data));
        offset = chunk.next_offset;
      }
      trim();
      output.dataset.stream = stream;
      output.dataset.loaded = 'true';
    } catch (error) {
      if (stream === streamAtStart) output.dataset.error = error.message;
    }
    if (!stopped && stillWriting()) timer = setTimeout(poll, POLL_MS);
  }

  function trim() {
    const text = output.textContent;
    if (text.length > MAX_CHARS) output.textContent = text.slice(text.length - MAX_CHARS);
  }

  function restart() {
    clearTimeout(timer);
    offset = null;
    output.replaceChildren();
    delete output.dataset.loaded;
    renderTabs();
    poll();
  }

  renderTabs();
  poll();
  return {
    element,
    run,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
