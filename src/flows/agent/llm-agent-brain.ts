/**
 * The agent brain backed by a chat model. Each callee utterance is one request: the system prompt
 * (llm-agent-prompt.ts), the conversation so far, and the tools of agent-tools.ts. The answer streams in and each
 * complete sentence is spoken at once (sentence-speaker.ts), so the callee hears the first sentence while the model
 * is still writing the rest. The request is aborted when the callee barges in or the call ends.
 *
 * When the model fails (an LlmError, or any other failure of the request) the callee hears one polite line and the
 * script brain it was given answers from then on, for the rest of the call: a call never dies of a model outage,
 * and it does not switch back and forth between two styles of talking.
 */
import type { AgentProfile } from '../../core/agents/agent-profile.js';
import { isAbortError } from '../../ports/clock.js';
import type { Llm, LlmMessage, LlmReply, LlmTool } from '../../ports/llm.js';
import { fillTemplate } from '../../core/templates.js';
import { LISTEN, type AgentBrain, type BrainTurn, type BrainVerdict, type Heard } from './agent-brain.js';
import { agentTools, applyToolCalls, TOOL } from './agent-tools.js';
import { agentSystemPrompt } from './llm-agent-prompt.js';
import { SentenceSpeaker } from './sentence-speaker.js';

/** What the LLM brain is built from. */
export interface LlmAgentBrainOptions {
  llm: Llm;
  profile: AgentProfile;
  variables: Readonly<Record<string, string>>;
  /** The brain that takes over when the model fails (a ScriptAgentBrain of the same profile). */
  fallback: AgentBrain;
  temperature?: number;
  maxTokens?: number;
  /** Told once, when the model failed and the fallback took over (for the logs). */
  onFallback?: (error: unknown) => void;
}

/** Said when the model failed, before the script brain answers. */
export const FALLBACK_LINE = '不好意思，刚才系统有点忙。';

/** Requests per utterance at most: a model that only records tags is asked again for the words it owes the callee. */
const MAX_ROUNDS = 3;

/** The LLM brain; see the module comment. */
export class LlmAgentBrain implements AgentBrain {
  readonly kind = 'llm' as const;
  private readonly system: LlmMessage;
  private readonly tools: LlmTool[];
  private readonly history: LlmMessage[] = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly options: LlmAgentBrainOptions) {
    this.system = { role: 'system', content: agentSystemPrompt(options.profile, options.variables) };
    this.tools = agentTools(options.profile);
  }

  /** True once the model failed and the fallback brain answers. */
  get fellBack(): boolean {
    return this.failure !== undefined;
  }

  /** The conversation as the model sees it (system prompt first), for logs and tests. */
  messages(): LlmMessage[] {
    return [this.system, ...this.history];
  }

  /** The start word, placeholders filled; it opens the model's history as its own first line. */
  opening(): string {
    const line = fillTemplate(this.options.profile.startWord, this.options.variables).text.trim();
    if (line !== '') this.history.push({ role: 'assistant', content: line });
    return line;
  }

  /** Asks the model and speaks its answer; falls back to the script brain when the model fails. */
  async respond(heard: Heard, turn: BrainTurn): Promise<BrainVerdict> {
    if (this.failure) return this.options.fallback.respond(heard, turn);
    this.history.push({ role: 'user', content: heard.bargedIn ? `（客户打断了你）${heard.text}` : heard.text });
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const speaker = new SentenceSpeaker(turn);
      const reply = await this.ask(speaker, turn.signal);
      if (reply === 'aborted') return LISTEN;
      if (reply instanceof Failure) return this.fallBack(reply.error, heard, turn);
      await speaker.finish();
      const verdict = this.take(reply, speaker, turn);
      if (verdict) return verdict;
    }
    return LISTEN;
  }

  /** One request; the text streams into `speaker`. A failed or aborted request leaves what was spoken in the history. */
  private async ask(speaker: SentenceSpeaker, signal: AbortSignal): Promise<LlmReply | Failure | 'aborted'> {
    const { llm, temperature, maxTokens } = this.options;
    try {
      return await llm.complete({
        messages: this.messages(), tools: this.tools, signal, onText: (delta) => speaker.push(delta),
        ...(temperature !== undefined ? { temperature } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}),
      });
    } catch (error) {
      await speaker.settle();
      this.remember(speaker.spoken.join(''));
      return isAbortError(error) || signal.aborted ? 'aborted' : new Failure(error);
    }
  }

  /**
   * Records the answer and applies its tool calls. Returns the verdict, or undefined when the model only recorded
   * tags and said nothing, so it is asked again. After a barge-in only tags are kept: the callee has more to say.
   */
  private take(reply: LlmReply, speaker: SentenceSpeaker, turn: BrainTurn): BrainVerdict | undefined {
    const cut = speaker.cut || turn.signal.aborted;
    const calls = cut ? reply.toolCalls.filter((c) => c.name === TOOL.setTag) : reply.toolCalls;
    const applied = applyToolCalls(calls, this.options.profile, turn);
    this.remember(speaker.spoken.join(''), calls);
    this.history.push(...applied.results);
    if (applied.verdict) return applied.verdict;
    if (cut || !applied.onlyRecorded || speaker.spoken.length > 0) return LISTEN;
    return undefined;
  }

  private remember(content: string, toolCalls: LlmReply['toolCalls'] = []): void {
    if (content === '' && toolCalls.length === 0) return;
    this.history.push({ role: 'assistant', content, ...(toolCalls.length > 0 ? { toolCalls } : {}) });
  }

  /** Switches to the fallback brain for good: one polite line, then its answer to what the callee said. */
  private async fallBack(error: unknown, heard: Heard, turn: BrainTurn): Promise<BrainVerdict> {
    this.failure = { error };
    this.options.onFallback?.(error);
    if (!(await turn.say(FALLBACK_LINE))) return LISTEN;
    return this.options.fallback.respond(heard, turn);
  }
}

/** A failed request, told apart from an answer. */
class Failure {
  constructor(readonly error: unknown) {}
}
