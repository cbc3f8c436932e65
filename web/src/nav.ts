/** The console's sections: route, nav label, and for pages still to come, the actions they will call. */
import type { MessageKey } from './i18n';

export interface Section {
  route: string;
  label: MessageKey;
  /** For a "coming next" page: what it is for and the product actions it will use. */
  planned?: { about: MessageKey; actions: string[] };
}

export const SECTIONS: Section[] = [
  { route: 'overview', label: 'nav.overview' },
  { route: 'tasks', label: 'nav.tasks' },
  {
    route: 'agents',
    label: 'nav.agents',
    planned: {
      about: 'planned.agents',
      actions: [
        'aiccs/PageQueryAgentList', 'aiccs/QueryAiVoiceAgentDetail', 'waihu/CreateAiVoiceAgent', 'waihu/UpdateAiVoiceAgent',
        'waihu/PublishAiVoiceAgent', 'waihu/OfflineAiVoiceAgent', 'waihu/DeleteAiVoiceAgent', 'waihu/ListLlmApplications',
        'waihu/ListRobots', 'waihu/GetRobot', 'waihu/CreateRobot', 'waihu/UpdateRobot', 'waihu/DeleteRobot',
      ],
    },
  },
  { route: 'voice', label: 'nav.voice' },
  { route: 'numbers', label: 'nav.numbers' },
  { route: 'receipts', label: 'nav.receipts' },
  { route: 'keys', label: 'nav.keys' },
  {
    route: 'forecast',
    label: 'nav.forecast',
    planned: { about: 'planned.forecast', actions: ['waihu/GetSimulatorModel', 'waihu/SetSimulatorModel', 'waihu/ResetSimulatorModel'] },
  },
];
