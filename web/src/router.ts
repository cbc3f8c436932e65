/**
 * A hash router (`/console/#/tasks/<id>`): works behind any base path and needs nothing from the server beyond
 * index.html. Routes are plain path segments; pages read them with useRoute().
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

/** The current path split into decoded segments: `#/tasks/42` gives `['tasks', '42']`. */
export function useRoute(): string[] {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return path
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The href of an in-app path. */
export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
