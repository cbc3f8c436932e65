/**
 * The agent brain without a model: deterministic and offline, so agents work (and are tested, and forecast) with no
 * LLM configured. It opens with the start word, then walks the agent's child tasks in order, speaking each task's
 * description as the next line, and reacts to the callee by keywords (core/calls/call-analysis-stance.ts):
 * - asks for a person: transfer when the agent has a transfer number, else say so and go on;
 * - refuses: main purpose = the last value, a polite close, hang up;
 * - asks who is calling: introduce the agent by name, then the next step;
 * - agrees: main purpose = the first value, the next step;
 * - anything else: the next step.
 * When the steps run out it closes and hangs up (main purpose: the first value if the callee ever agreed, else the
 * middle one). ENUM output tags are set from every utterance by call-analysis-tags.ts.
 */
import type { AgentProfile } from '../../core/agents/agent-profile.js';
import { purposeValueFor, utteranceStance } from '../../core/calls/call-analysis-stance.js';
import { matchOutputTags } from '../../core/calls/call-analysis-tags.js';
import { fillTemplate } from '../../core/templates.js';
import { HANG_UP, LISTEN, type AgentBrain, type BrainTurn, type BrainVerdict, type Heard } from './agent-brain.js';

/** The fixed lines of the script brain. */
export const SCRIPT_LINES = Object.freeze({
  refusalClose: '好的，不打扰您了，祝您生活愉快，再见。',
  finalClose: '好的，感谢您的耐心，祝您生活愉快，再见。',
  transfer: '好的，正在为您转接人工客服，请稍候。',
  noTransfer: '抱歉，目前没有人工客服可以转接，我先继续为您介绍。',
});

/** The script brain; see the module comment. */
export class ScriptAgentBrain implements AgentBrain {
  readonly kind = 'script' as const;
  private step = 0;
  private agreed = false;

  /** `variables` fill the placeholders of the start word and of the task descriptions. */
  constructor(
    private readonly profile: AgentProfile,
    private readonly variables: Readonly<Record<string, string>>,
  ) {}

  /** The start word, placeholders filled. */
  opening(): string {
    return this.fill(this.profile.startWord);
  }

  /** Answers by the callee's stance; see the module comment. */
  async respond(heard: Heard, turn: BrainTurn): Promise<BrainVerdict> {
    const stance = utteranceStance(heard.text);
    for (const tag of matchOutputTags(this.profile.outputTags, heard.text, stance)) turn.tag(tag);
    const purpose = this.profile.mainPurpose;
    switch (stance) {
      case 'transfer':
        if (this.profile.transferNumber) {
          await turn.say(SCRIPT_LINES.transfer);
          return { next: 'transfer', number: this.profile.transferNumber };
        }
        return this.nextStep(turn, SCRIPT_LINES.noTransfer);
      case 'refusal': {
        const value = purposeValueFor(purpose, 'refusal');
        if (value !== undefined) turn.setIntent(value);
        await turn.say(SCRIPT_LINES.refusalClose);
        return HANG_UP;
      }
      case 'question':
        return this.nextStep(turn, `您好，我是${this.profile.name}。`);
      case 'agreement': {
        this.agreed = true;
        const value = purposeValueFor(purpose, 'agreement');
        if (value !== undefined) turn.setIntent(value);
        return this.nextStep(turn);
      }
      default:
        return this.nextStep(turn);
    }
  }

  /** Speaks `prefix` (if any) and the next task's description; with no task left, closes and hangs up. */
  private async nextStep(turn: BrainTurn, prefix?: string): Promise<BrainVerdict> {
    if (prefix !== undefined && !(await turn.say(prefix))) return LISTEN;
    const task = this.profile.childTasks[this.step];
    if (!task) {
      const value = purposeValueFor(this.profile.mainPurpose, this.agreed ? 'agreement' : 'other');
      if (value !== undefined) turn.setIntent(value);
      await turn.say(SCRIPT_LINES.finalClose);
      return HANG_UP;
    }
    this.step++;
    const line = this.fill(task.description);
    if (line.trim() !== '') await turn.say(line);
    return LISTEN;
  }

  private fill(template: string): string {
    return fillTemplate(template, this.variables).text;
  }
}
