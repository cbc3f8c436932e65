/**
 * The flows of text test calls (core/agents/test-calls.ts), planned by the process's own conversation planner so a
 * test call runs exactly what a call would: an AI voice agent and a robot as the calls of a task using them (a task
 * that exists only for this call), an LLM application as an LlmSmartCall with the tester's variables as its
 * parameters. The target is looked up first, so a missing one is NotFound naming the parameter rather than the
 * polite fallback line a task with a deleted agent gets.
 */
import type { AgentRegistry } from '../core/agents/agent-registry.js';
import type { TestCallPlanner, TestCallTarget } from '../core/agents/test-calls.js';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import { CallHungUpError, type CallSession } from '../ports/call-session.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationPlanner, PlannedConversation } from './conversation-planner.js';
import { RecordingSession } from './recording-session.js';

/** What the test-call planner is built from. */
export interface TestCallPlannerDeps {
  planner: ConversationPlanner;
  agents: AgentRegistry;
  clock: Clock;
}

let serial = 0;

/** The planner of test calls; see the module comment. */
export function testCallPlanner(deps: TestCallPlannerDeps): TestCallPlanner {
  return async (accountId, target, variables) => {
    const planned = await plan(deps, accountId, target, variables);
    return {
      run: async (session: CallSession) => {
        const recording = new RecordingSession(session, deps.clock);
        try {
          await planned.flow(recording);
        } catch (error) {
          if (!(error instanceof CallHungUpError)) throw error;
        }
        return recording.report();
      },
      analyze: (report, outcome) => planned.analyze(report, outcome),
    };
  };
}

async function plan(deps: TestCallPlannerDeps, accountId: string, target: TestCallTarget, variables: Readonly<Record<string, string>>): Promise<PlannedConversation> {
  switch (target.kind) {
    case 'application':
      return deps.planner.forApplication({ accountId, applicationCode: target.code, startWordParams: variables, promptParams: variables });
    case 'agent':
      await deps.agents.voiceAgents.profile(accountId, target.agentId);
      return deps.planner.forTask(testTask(deps.clock, accountId, { agentId: target.agentId }, null));
    case 'robot':
      await deps.agents.robots.script(accountId, target.dialogId);
      return deps.planner.forTask(testTask(deps.clock, accountId, { agentId: null }, { kind: 'robot', robotId: target.dialogId }));
  }
}

/** A task that exists only for one test call: what the planner reads of a task (its account, agent and flow). */
function testTask(clock: Clock, accountId: string, agent: { agentId: string | null }, flow: TaskRecord['flow']): TaskRecord {
  const now = clock.now();
  serial += 1;
  return {
    id: `test-call-${now}-${serial}`,
    accountId,
    product: flow ? 'robot-task' : 'aiccs',
    flow,
    settings: {
      name: 'test call', agentId: agent.agentId, virtualNumber: null, callerNumbers: [], startType: 'IMMEDIATE', taskStartTime: null,
      callTime: { raw: [], windows: [] }, callDays: [], taskCps: 1, concurrency: 1,
      retry: { enabled: false, reasons: [], times: 0, intervalMinutes: 1 }, timeZone: 'UTC',
      applicationCode: null, applicationName: null, source: null, phoneType: null, lineEncoding: null, linePhoneNum: null,
    },
    status: 'RUNNING', startFailedReason: null, scheduledStartAt: null, realStartTime: now, createdAt: now, updatedAt: now,
  };
}
