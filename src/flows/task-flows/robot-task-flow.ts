/**
 * The calls of a dyvms robot task: the task's robot script (its DialogId), run with the callee's TtsParam variables.
 * What the call details show comes from here:
 * - the dialog is the recording session's record of the robot's prompts and the callee's replies;
 * - the major intent is the robot's (the `intent` of the last node reached), the tags its script's tags;
 * - a call handed to a person carries the `transfer_number` tag (shown as transferResult/transferNumber, not as a
 *   label), and a script that could not run as written (a runaway loop cut at the step limit, a transfer number
 *   that is not one, variables missing from the upload) carries a `flow_warning` tag saying so;
 * - the summary is the rule-based one (what the robot said, how the callee reacted, how it ended).
 * A robot deleted after the task was created still gets its callees a polite line, with a flow_warning tag.
 */
import { analyzeByRules } from '../../core/calls/call-analysis-rules.js';
import type { CallTag } from '../../core/calls/dialog.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { RobotScript } from '../../core/agents/robot-script.js';
import type { RobotTaskFlow } from '../../core/robot-tasks/robot-task-flow.js';
import { ROBOT_TRANSFER_TAG, ROBOT_WARNING_TAG } from '../../core/robot-tasks/robot-task-flow.js';
import { DomainError } from '../../core/errors.js';
import type { PlannedConversation } from '../conversation-planner.js';
import { FALLBACK_LINE } from '../flow-planner.js';
import { runOpeningLine } from '../opening-line.js';
import type { RecordingSession } from '../recording-session.js';
import { runRobot, type RobotRunReport } from '../robot-flow.js';
import type { TaskFlowDeps } from './task-flows.js';

/** What went wrong in a robot run, in words for the flow_warning tag; undefined when nothing did. */
function runWarning(report: RobotRunReport): string | undefined {
  const problems: string[] = [];
  if (report.ending === 'step-limit' || report.ending === 'failed') problems.push(report.reason ?? report.ending);
  if (report.missing.length > 0) problems.push(`variables missing from the upload: ${report.missing.join(', ')}`);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** The script, or why it cannot be used (the robot was deleted or its stored script no longer parses). */
function loadScript(deps: TaskFlowDeps, task: TaskRecord, flow: RobotTaskFlow): Promise<{ script: RobotScript } | { unusable: string }> {
  return deps.agents.robots.script(task.accountId, flow.robotId).then(
    (script) => ({ script }),
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      const why = `robot ${flow.robotId} cannot be used: ${error.message}`;
      deps.onWarning(why, { taskId: task.id });
      return { unusable: why };
    },
  );
}

/** The plan of a robot task's calls; the script is read once per plan (FlowPlanner caches plans per task). */
export function planRobotTask(deps: TaskFlowDeps, task: TaskRecord, flow: RobotTaskFlow): PlannedConversation {
  const loaded = loadScript(deps, task, flow);
  loaded.catch(() => undefined);
  return {
    engine: 'script',
    flow: async (session: RecordingSession) => {
      const found = await loaded;
      if ('unusable' in found) {
        session.tag({ name: ROBOT_WARNING_TAG, value: found.unusable });
        await runOpeningLine(session, { template: FALLBACK_LINE });
        return;
      }
      const warning = runWarning(await runRobot(session, found.script));
      if (warning !== undefined) session.tag({ name: ROBOT_WARNING_TAG, value: warning });
    },
    analyze: async (report, outcome) => {
      const analysis = analyzeByRules(report, outcome);
      const transfer: CallTag[] = outcome.transferredTo ? [{ name: ROBOT_TRANSFER_TAG, value: outcome.transferredTo }] : [];
      const summary = report.majorIntent ? `${analysis.summary}机器人判定意图：${report.majorIntent}。` : analysis.summary;
      return { ...analysis, summary, tags: [...analysis.tags, ...transfer] };
    },
  };
}
