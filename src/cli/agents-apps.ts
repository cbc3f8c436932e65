/** `waihu apps ...`: LLM applications from the shell, over the same use cases as CreateLlmApplication and friends. */
import { placeholderNames, type LlmApplicationInput, type LlmApplicationRecord } from '../core/agents/llm-application.js';
import { applicationView } from '../gateway/products/waihu/llm-applications.js';
import { isoTime, labelled, listAll, type CommandArea, type VerbContext } from './agents-support.js';

const USAGE = `usage:
  waihu apps create --name NAME --prompt TEXT --start-word TEXT [--description TEXT]
                    [--voice CODE] [--speed -200..200] [--volume 0..100]
  waihu apps update CODE [--name NAME] [--prompt TEXT] [--start-word TEXT] [--description TEXT]
                    [--voice CODE] [--speed N] [--volume N]
  waihu apps list [--name PART]
  waihu apps show CODE
  waihu apps delete CODE
every command also takes --account ID (default: the first account) and --json.
\${name} placeholders in the prompt and start word are the variables each call fills (docs/agents.md).`;

const EDIT_FLAGS = ['name', 'prompt', 'start-word', 'description', 'voice', 'speed', 'volume'] as const;

/** The use-case input from the flags; a flag left out stays undefined, which keeps the value on update. */
function applicationInput(flags: VerbContext['flags']): LlmApplicationInput {
  return {
    Name: flags.name,
    Prompt: flags.prompt,
    StartWord: flags['start-word'],
    Description: flags.description,
    TtsVoiceCode: flags.voice,
    TtsSpeed: flags.speed,
    TtsVolume: flags.volume,
  };
}

/** The application for a reader: fields first, the prompt last because it is long. */
function describe(app: LlmApplicationRecord): string {
  const names = (text: string) => placeholderNames(text).join(', ') || '-';
  return `${labelled([
    ['ApplicationCode', app.code],
    ['Name', app.name],
    ['Description', app.description || '-'],
    ['Voice', `${app.ttsVoiceCode || '(default)'}, speed ${app.ttsSpeed}, volume ${app.ttsVolume}`],
    ['StartWord', app.startWord],
    ['StartWordParam', names(app.startWord)],
    ['PromptParam', names(app.prompt)],
    ['Created', isoTime(app.createdAt)],
    ['Updated', isoTime(app.updatedAt)],
  ])}\nPrompt:\n${app.prompt}`;
}

/** The `apps` command area. */
export const appsArea: CommandArea = {
  name: 'apps',
  usage: USAGE,
  verbs: {
    create: {
      flags: EDIT_FLAGS,
      required: ['name', 'prompt', 'start-word'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const created = await app.agents.applications.create(accountId, applicationInput(ctx.flags));
        ctx.show(applicationView(created), created.code);
      },
    },
    update: {
      args: ['CODE'],
      flags: EDIT_FLAGS,
      someOf: EDIT_FLAGS,
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const updated = await app.agents.applications.update(accountId, ctx.args[0]!, applicationInput(ctx.flags));
        ctx.show(applicationView(updated), `${updated.code}: updated`);
      },
    },
    list: {
      flags: ['name'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const filter = ctx.flags.name?.trim() ? { name: ctx.flags.name.trim() } : {};
        const list = await listAll((page) => app.agents.applications.page(accountId, filter, page));
        ctx.show(list.map(applicationView), list.map((a) => `${a.code}  ${a.name}${a.description ? `  (${a.description})` : ''}`).join('\n'));
      },
    },
    show: {
      args: ['CODE'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const found = await app.agents.applications.get(accountId, ctx.args[0]!);
        ctx.show(applicationView(found), describe(found));
      },
    },
    delete: {
      args: ['CODE'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        await app.agents.applications.delete(accountId, ctx.args[0]!);
        ctx.show({ ApplicationCode: ctx.args[0] }, `${ctx.args[0]}: deleted`);
      },
    },
  },
};
