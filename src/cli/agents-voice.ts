/** `waihu agents ...`: AI voice agents from the shell, over the same use cases as CreateAiVoiceAgent and friends. */
import { AGENT_STATUS_CODE, hasPendingChanges, type VoiceAgentRecord } from '../core/agents/ai-voice-agent.js';
import type { VoiceAgentInput } from '../core/agents/voice-agent-service.js';
import { agentSummary } from '../gateway/products/waihu/agents.js';
import { blamingFile, isoTime, labelled, listAll, readJsonFile, type CommandArea, type VerbContext } from './agents-support.js';

const USAGE = `usage:
  waihu agents create --name NAME --model MODEL.json [--call CALL.json] [--description TEXT] [--application CODE]
  waihu agents update AGENT_ID [--name NAME] [--model MODEL.json] [--call CALL.json] [--description TEXT]
                      [--application CODE]    (--application "" unlinks; a new file replaces the whole draft part)
  waihu agents publish AGENT_ID       puts the draft online as the next version
  waihu agents offline AGENT_ID
  waihu agents list [--name PART]
  waihu agents show AGENT_ID          the agent and its draft configuration
  waihu agents delete AGENT_ID
every command also takes --account ID (default: the first account) and --json.
MODEL.json is aiccs' AiVoiceAgentModelConfig and CALL.json its AiVoiceAgentCallConfig (docs/agents.md).`;

const EDIT_FLAGS = ['name', 'model', 'call', 'description', 'application'] as const;

/** The use-case input from the flags; the configuration files are read (and checked to be JSON) here. */
function agentInput(flags: VerbContext['flags']): VoiceAgentInput {
  return {
    name: flags.name,
    description: flags.description,
    applicationCode: flags.application,
    modelConfig: flags.model !== undefined ? readJsonFile(flags.model, '--model').json : undefined,
    callConfig: flags.call !== undefined ? readJsonFile(flags.call, '--call').json : undefined,
  };
}

/** The summary with the draft configuration and, once published, the online one. */
function agentDetail(agent: VoiceAgentRecord): Record<string, unknown> {
  const config = (c: VoiceAgentRecord['draft']) => ({ ModelConfig: c.model, CallConfig: c.call });
  return { ...agentSummary(agent), Draft: config(agent.draft), Online: agent.online ? config(agent.online) : null };
}

/** The agent for a reader: its state, then the draft configuration as JSON that `--model`/`--call` take back. */
function describe(agent: VoiceAgentRecord): string {
  const online = agent.onlineVersion > 0 ? `version ${agent.onlineVersion}, last put online ${isoTime(agent.lastOnlineAt)}` : 'never published';
  return `${labelled([
    ['AgentId', agent.id],
    ['Name', agent.name],
    ['Description', agent.description || '-'],
    ['Status', `${agent.status} (${AGENT_STATUS_CODE[agent.status]})`],
    ['Online', online],
    ['Draft', hasPendingChanges(agent) ? 'differs from what is online' : 'same as online'],
    ['Application', agent.applicationCode ?? '-'],
    ['Created', isoTime(agent.createdAt)],
    ['Modified', isoTime(agent.updatedAt)],
  ])}\nModelConfig (draft):\n${JSON.stringify(agent.draft.model, null, 2)}\nCallConfig (draft):\n${JSON.stringify(agent.draft.call, null, 2)}`;
}

/** A verb that changes one agent's status and reports where it stands. */
function statusVerb(change: 'publish' | 'offline') {
  return {
    args: ['AGENT_ID'],
    async run(ctx: VerbContext) {
      const { app, accountId } = await ctx.account();
      const agent = await app.agents.voiceAgents[change](accountId, ctx.args[0]!);
      ctx.show(agentSummary(agent), `${agent.id}: ${agent.status}, online version ${agent.onlineVersion}`);
    },
  };
}

/** The `agents` command area. */
export const voiceAgentsArea: CommandArea = {
  name: 'agents',
  usage: USAGE,
  verbs: {
    create: {
      flags: EDIT_FLAGS,
      required: ['name', 'model'],
      async run(ctx) {
        const input = agentInput(ctx.flags);
        const { app, accountId } = await ctx.account();
        const agent = await blamingFiles(ctx, () => app.agents.voiceAgents.create(accountId, input));
        ctx.show(agentSummary(agent), agent.id);
      },
    },
    update: {
      args: ['AGENT_ID'],
      flags: EDIT_FLAGS,
      someOf: EDIT_FLAGS,
      async run(ctx) {
        const input = agentInput(ctx.flags);
        const { app, accountId } = await ctx.account();
        const agent = await blamingFiles(ctx, () => app.agents.voiceAgents.update(accountId, ctx.args[0]!, input));
        const unpublished = agent.status === 'ONLINE' && hasPendingChanges(agent);
        ctx.show(agentSummary(agent), `${agent.id}: updated${unpublished ? '; calls use the online version until you publish the draft' : ''}`);
      },
    },
    publish: statusVerb('publish'),
    offline: statusVerb('offline'),
    list: {
      flags: ['name'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const filter = ctx.flags.name?.trim() ? { name: ctx.flags.name.trim() } : {};
        const list = await listAll((page) => app.agents.voiceAgents.page(accountId, filter, page));
        ctx.show(list.map(agentSummary), list.map((a) => `${a.id}  ${a.status.padEnd(7)}  ${a.name}`).join('\n'));
      },
    },
    show: {
      args: ['AGENT_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const agent = await app.agents.voiceAgents.get(accountId, ctx.args[0]!);
        ctx.show(agentDetail(agent), describe(agent));
      },
    },
    delete: {
      args: ['AGENT_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        await app.agents.voiceAgents.delete(accountId, ctx.args[0]!);
        ctx.show({ AgentId: ctx.args[0] }, `${ctx.args[0]}: deleted`);
      },
    },
  },
};

/** Runs a write, naming the --model or --call file in a validation error about its configuration. */
function blamingFiles<T>(ctx: VerbContext, write: () => Promise<T>): Promise<T> {
  return blamingFile('ModelConfig', { flag: '--model', file: ctx.flags.model }, () => blamingFile('CallConfig', { flag: '--call', file: ctx.flags.call }, write));
}
