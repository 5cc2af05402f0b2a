// In-app navigation: change the URL and let the router (main.js) render the page for it.

export const NAVIGATE = 'borealis:navigate';

export function navigate(href) {
  history.pushState({}, '', href);
  window.dispatchEvent(new Event(NAVIGATE));
}
