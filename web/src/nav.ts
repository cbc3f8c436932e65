/** The console's sections, in the order of the navigation: route and label. */
import type { MessageKey } from './i18n';

export interface Section {
  route: string;
  label: MessageKey;
}

export const SECTIONS: Section[] = [
  { route: 'overview', label: 'nav.overview' },
  { route: 'tasks', label: 'nav.tasks' },
  { route: 'agents', label: 'nav.agents' },
  { route: 'voice', label: 'nav.voice' },
  { route: 'numbers', label: 'nav.numbers' },
  { route: 'receipts', label: 'nav.receipts' },
  { route: 'keys', label: 'nav.keys' },
  { route: 'forecast', label: 'nav.forecast' },
];
