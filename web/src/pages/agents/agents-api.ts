/**
 * The actions the Agents & robots page calls and the fields it reads (src/gateway/products/waihu/robots.ts,
 * llm-applications.ts, agents.ts, agent-test-calls.ts; aiccs page-query-agent-list.ts, query-ai-voice-agent-detail.ts).
 * Only transport and types live here.
 */
import type { Envelope, PageData, Product } from '../../actions';
import { callAction } from '../../api';

export interface RobotEntry {
  DialogId: string;
  Name: string;
  Version: number;
  CreateTime: number;
  UpdateTime: number;
}

export interface RobotDetail extends RobotEntry {
  Script: unknown;
}

export interface Application {
  ApplicationCode: string;
  Name: string;
  Description: string;
  Prompt: string;
  PromptParam: string[];
  StartWord: string;
  StartWordParam: string[];
  TtsVoiceCode: string;
  TtsSpeed: number;
  TtsVolume: number;
  UpdateTime: number;
}

/** One `Data.List[]` entry of aiccs PageQueryAgentList (times are wall-clock text). */
export interface VoiceAgentEntry {
  AgentId: string;
  AgentName: string;
  Description?: string;
  /** 0 draft, 1 online, 2 offline. */
  Status: number;
  ModifyTime?: string;
  ApplicationCode?: string;
}

export interface VoiceAgentDetail {
  AgentId: string;
  AgentName: string;
  AiVoiceAgentModelConfig?: Record<string, unknown>;
}

export interface TestCallMessage {
  Role: 'assistant';
  Text: string;
}

export interface TestCallData {
  TestCallId: string;
  Messages: TestCallMessage[];
  Ended: boolean;
  EndedBy?: string;
  TransferredTo?: string;
  Analysis?: { MajorIntent: string; Tags: { Name: string; Value: string }[]; Summary: string; TurnCount: number };
}

/** What a test call is started with. */
export type TestTarget = { AgentId: string } | { ApplicationCode: string } | { DialogId: string };

/** One action whose `Data` has the given shape. */
export async function call<T>(product: Product, action: string, params: Record<string, unknown>): Promise<Envelope<T>> {
  return (await callAction(product, action, params)) as unknown as Envelope<T>;
}

export type { PageData };

/** Limits the server checks too (ROBOT_LIMITS, APPLICATION_LIMITS): the inputs stop there. */
export const MAX_NAME = 64;
export const MAX_TEXT_INPUT = 500;
