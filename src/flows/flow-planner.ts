/**
 * The conversation planner behind the dialer and the single-call service: a task's calls run its agent (looked up once
 * and cached for PROFILE_TTL_MS, so a re-published agent reaches running tasks within that time), an LlmSmartCall runs
 * its application; both talk through the LLM brain when a model is configured and the script brain otherwise, and are
 * analysed the same way. A task whose agent cannot be used (deleted, never published) still gets a polite opening
 * line, and its calls carry a `flow_warning` tag saying why, so nobody is called into silence.
 */
import type { AgentProfile } from '../core/agents/agent-profile.js';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import { analyzeCall } from '../core/calls/call-analysis.js';
import { DomainError } from '../core/errors.js';
import type { Clock } from '../ports/clock.js';
import type { Llm } from '../ports/llm.js';
import { brainKind } from './agent/agent-brain.js';
import { createAgentBrain } from './agent/create-agent-brain.js';
import { runAgent } from './agent/agent-flow.js';
import type { ApplicationCallRequest, ConversationPlanner, Flow, PlannedConversation } from './conversation-planner.js';
import { runOpeningLine } from './opening-line.js';
import type { TaskFlowPlanner } from './task-flows/task-flows.js';

/** How long a task's agent profile is reused before it is looked up again. */
export const PROFILE_TTL_MS = 30_000;

/** Task plans kept before expired ones are dropped. */
const MAX_CACHED_TASKS = 1000;

/** The line a task whose agent cannot be used speaks. */
export const FALLBACK_LINE = '您好，这里是语音通知，请留意相关信息。';

/** Where agent profiles come from (the agent registry). */
export interface ProfileSource {
  agent(accountId: string, agentId: string): Promise<AgentProfile>;
  application(accountId: string, code: string): Promise<AgentProfile>;
}

/** What the planner is built from. */
export interface FlowPlannerDeps {
  profiles: ProfileSource;
  /** The chat model; absent: the script engine talks. */
  llm?: Llm;
  clock: Clock;
  /** Plans the calls of dyvms CallTasks and robot tasks (tasks that carry a flow); absent: they get the fallback line. */
  taskFlows?: TaskFlowPlanner;
  onWarning(message: string, context: Record<string, unknown>): void;
}

interface CachedPlan {
  expiresAt: number;
  planned: PlannedConversation;
}

/** The planner; see the module comment. */
export class FlowPlanner implements ConversationPlanner {
  private readonly tasks = new Map<string, CachedPlan>();

  constructor(private readonly deps: FlowPlannerDeps) {}

  /** Which engine talks. */
  get engine(): 'llm' | 'script' {
    return brainKind(this.deps.llm);
  }

  /** The plan of a task's calls, cached per task. */
  forTask(task: TaskRecord): PlannedConversation {
    const now = this.deps.clock.now();
    const cached = this.tasks.get(task.id);
    if (cached && cached.expiresAt > now) return cached.planned;
    const { flow } = task;
    const planned = flow !== null && this.deps.taskFlows ? this.deps.taskFlows({ ...task, flow }) : this.plan(this.taskProfile(task));
    if (this.tasks.size >= MAX_CACHED_TASKS) this.forgetExpired(now);
    this.tasks.set(task.id, { expiresAt: now + PROFILE_TTL_MS, planned });
    return planned;
  }

  /** The plan of an LlmSmartCall: the application with the request's parameters and overrides. */
  async forApplication(request: ApplicationCallRequest): Promise<PlannedConversation> {
    const base = await this.deps.profiles.application(request.accountId, request.applicationCode);
    const profile: AgentProfile = {
      ...base,
      ...(request.voice !== undefined ? { voice: request.voice } : {}),
      ...(request.speed !== undefined ? { speed: request.speed } : {}),
      ...(request.volume !== undefined ? { volume: request.volume } : {}),
      ...(request.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: request.sessionTimeoutMs } : {}),
    };
    return this.plan(Promise.resolve({ profile }));
  }

  /** Drops the plans of tasks not called lately, so the cache holds about the tasks running now. */
  private forgetExpired(now: number): void {
    for (const [taskId, cached] of this.tasks) if (cached.expiresAt <= now) this.tasks.delete(taskId);
  }

  /** The profile of the task's agent (else of its LLM application), or why it cannot be used. */
  private taskProfile(task: TaskRecord): Promise<{ profile: AgentProfile } | { unusable: string }> {
    const { agentId, applicationCode } = task.settings;
    const [what, lookup] = agentId
      ? [`agent ${agentId}`, () => this.deps.profiles.agent(task.accountId, agentId)]
      : applicationCode
        ? [`application ${applicationCode}`, () => this.deps.profiles.application(task.accountId, applicationCode)]
        : ['', undefined];
    if (!lookup) return Promise.resolve({ unusable: 'the task names no agent' });
    return lookup().then(
      (profile) => ({ profile }),
      (error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        const why = `${what} cannot be used: ${error.message}`;
        this.deps.onWarning(why, { taskId: task.id });
        return { unusable: why };
      },
    );
  }

  /** The flow and analysis of calls run from `profile`; a profile that cannot be used gives the fallback line. */
  private plan(profile: Promise<{ profile: AgentProfile } | { unusable: string }>): PlannedConversation {
    const { llm, clock } = this.deps;
    const onFallback = (error: unknown) => this.deps.onWarning(`the chat model failed; the script engine takes over: ${String(error)}`, {});
    const flow: Flow = async (session) => {
      const found = await profile;
      if ('unusable' in found) {
        session.tag({ name: 'flow_warning', value: found.unusable });
        await runOpeningLine(session, { template: FALLBACK_LINE });
        return;
      }
      const brain = createAgentBrain(found.profile, session.variables, llm, { onFallback });
      const { muteTimeMs, muteHangupCount, sessionTimeoutMs } = found.profile;
      const settings = {
        ...(muteTimeMs !== undefined ? { muteTimeMs } : {}),
        ...(muteHangupCount !== undefined ? { muteHangupCount } : {}),
        ...(sessionTimeoutMs !== undefined ? { sessionTimeoutMs } : {}),
      };
      await runAgent(session, { profile: found.profile, brain, ...settings }, { clock });
    };
    return {
      flow,
      analyze: async (report, outcome) => {
        const found = await profile.catch(() => undefined);
        const agent = found && 'profile' in found ? found.profile : undefined;
        return analyzeCall(report, outcome, agent, llm, { onFallback });
      },
      engine: brainKind(llm),
    };
  }
}
