/**
 * The agent registry: an account's AI voice agents, LLM applications and robots, and the profiles calls run with.
 * One object so the gateway, the flows and the campaign queries share one set of use cases.
 */
import type { AgentDeps } from './agent-deps.js';
import { LlmApplicationService } from './llm-application-service.js';
import { RobotService } from './robot-service.js';
import { VoiceAgentService } from './voice-agent-service.js';

/** The three kinds of agent an account configures. */
export class AgentRegistry {
  /** AI voice agents (CreateAiVoiceAgent, PageQueryAgentList, QueryAiVoiceAgentDetail). */
  readonly voiceAgents: VoiceAgentService;
  /** LLM applications (CreateLlmApplication, the ApplicationCode of LlmSmartCall). */
  readonly applications: LlmApplicationService;
  /** Robots (CreateRobot; DialogId). */
  readonly robots: RobotService;

  constructor(deps: AgentDeps) {
    this.voiceAgents = new VoiceAgentService(deps);
    this.applications = new LlmApplicationService(deps);
    this.robots = new RobotService(deps);
  }
}
