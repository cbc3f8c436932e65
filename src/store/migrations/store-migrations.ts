/** The ordered list of schema migrations, imported in code so the build in dist/ needs no migration folder. */
import type { Migration } from 'kysely/migration';
import * as accounts from './0001-accounts.js';
import * as campaigns from './0002-campaigns.js';
import * as simModels from './0003-sim-models.js';
import * as detailTallies from './0004-detail-tallies.js';
import * as agents from './0005-agents.js';
import * as conversations from './0006-conversations.js';
import * as voiceResources from './0007-voice-resources.js';
import * as virtualNumbers from './0008-virtual-number-relations.js';
import * as taskProducts from './0009-task-products.js';
import * as voiceFiles from './0010-voice-files.js';
import * as callTasks from './0011-call-tasks.js';
import * as robotTasks from './0012-robot-tasks.js';
import * as hotline from './0013-hotline.js';
import * as receipts from './0014-receipts.js';
import * as accountOperators from './0015-account-operators.js';
import * as consoleUsers from './0016-console-users.js';
import * as callStatistics from './0017-call-statistics.js';

/** Every migration by name; names sort in the order they must run. */
export const storeMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-accounts': accounts,
  '0002-campaigns': campaigns,
  '0003-sim-models': simModels,
  '0004-detail-tallies': detailTallies,
  '0005-agents': agents,
  '0006-conversations': conversations,
  '0007-voice-resources': voiceResources,
  '0008-virtual-number-relations': virtualNumbers,
  '0009-task-products': taskProducts,
  '0010-voice-files': voiceFiles,
  '0011-call-tasks': callTasks,
  '0012-robot-tasks': robotTasks,
  '0013-hotline': hotline,
  '0014-receipts': receipts,
  '0015-account-operators': accountOperators,
  '0016-console-users': consoleUsers,
  '0017-call-statistics': callStatistics,
});
