/**
 * What the agent flow needs to run one conversation, whoever configured it: an AI voice agent (CreateAiVoiceAgent,
 * QueryAiVoiceAgentDetail) or an LLM application (CreateLlmApplication, the ApplicationCode of LlmSmartCall) are
 * both turned into this before a call starts, so the flow knows nothing of either's storage.
 */

/** One allowed value of an enumerated tag or of the main purpose. */
export interface EnumValue {
  value: string;
  description?: string;
  id?: string;
}

/** A tag the conversation should produce (aiccs OutputTagConfig). */
export interface OutputTagDefinition {
  /** The tag's name, the key it is stored and reported under. */
  name: string;
  description?: string;
  id?: string;
  /** ENUM tags take one of `values`; TEXT tags any text. */
  type: 'ENUM' | 'TEXT';
  values: EnumValue[];
}

/** The intent the call is graded by (aiccs MainPurpose): one of `values` becomes the call's MajorIntent. */
export interface MainPurpose {
  name: string;
  description?: string;
  values: EnumValue[];
}

/** A step of the conversation the agent should get through (aiccs ChildTaskList), in order. */
export interface ChildTask {
  name: string;
  description: string;
}

/** An agent ready to talk. */
export interface AgentProfile {
  /** For logs and reports: the agent id or application code. */
  ref: string;
  name: string;
  /** Instructions for the model: the role, the task, the rules; `${var}` / `$var$` placeholders filled per call. */
  prompt: string;
  /** The opening line, with placeholders; empty: the agent waits for the callee to speak first. */
  startWord: string;
  childTasks: ChildTask[];
  outputTags: OutputTagDefinition[];
  mainPurpose?: MainPurpose;
  /** TTS voice code, speed (-200..200, 0 normal) and volume (0..100) of the agent's speech. */
  voice?: string;
  speed?: number;
  volume?: number;
  /** The number a transfer goes to, when the agent may hand the call to a person. */
  transferNumber?: string;
  /** Call settings (aiccs EventConfig / LlmSmartCall SessionTimeout); the agent flow's defaults when absent. */
  muteTimeMs?: number;
  muteHangupCount?: number;
  sessionTimeoutMs?: number;
}
