// What the page exposes for tests and benchmarks as window.borealis: when it loaded and painted, and
// which events it has seen.

export const stats = {
  loadedAt: Date.now(),
  /** performance.now() when the current page's main content was first painted (ms since navigation). */
  renderedAt: undefined,
  /** performance.now() when the last batch of events was applied to the DOM. */
  appliedAt: undefined,
  eventsSeen: 0,
  lastEventId: null,
  eventIds: [],
  resets: 0,
};
window.borealis = stats;
