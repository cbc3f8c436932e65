/**
 * LLM application management as waihu actions. An application's ApplicationCode is what LlmSmartCall and
 * CreateAiCallTask take; its PromptParam and StartWordParam lists name the variables a call fills.
 */
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import { APPLICATION_LIMITS, placeholderNames, type LlmApplicationInput, type LlmApplicationRecord } from '../../../core/agents/llm-application.js';
import { readPage } from '../../../core/campaigns/query-values.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const APP_QPS = { perUser: 20, api: 200 };
const L = APPLICATION_LIMITS;
const code: ParamSpec = { name: 'ApplicationCode', type: 'String', required: true, maxLength: 32, lengthUnit: 'chars', description: 'The application, as CreateLlmApplication returned it.' };

/** The parameters Create and Update share; Create requires Name, Prompt and StartWord. */
function applicationParams(create: boolean): ParamSpec[] {
  const text = (name: string, maxLength: number, description: string, required = false): ParamSpec => ({ name, type: 'String', required, maxLength, lengthUnit: 'chars', description });
  return [
    text('Name', L.maxNameLength, "Name, unique among the account's applications.", create),
    text('Prompt', L.maxPromptLength, 'Instructions for the model; ${name} placeholders are filled from LlmSmartCall PromptParam.', create),
    text('StartWord', L.maxStartWordLength, 'The opening line; ${name} placeholders are filled from LlmSmartCall StartWordParam.', create),
    text('Description', L.maxDescriptionLength, 'What the application is for.'),
    text('TtsVoiceCode', L.maxVoiceCodeLength, 'Voice (ListAvailableTts); empty: the default voice.'),
    { name: 'TtsSpeed', type: 'Integer', required: false, min: L.speed.min, max: L.speed.max, description: `Speech speed ${L.speed.min}..${L.speed.max}, 0 normal (default ${L.defaultSpeed}).` },
    { name: 'TtsVolume', type: 'Integer', required: false, min: L.volume.min, max: L.volume.max, description: `Volume ${L.volume.min}..${L.volume.max} (default ${L.defaultVolume}).` },
  ];
}

/** The use-case input from the request (wire names already). */
function applicationInput(p: Record<string, unknown>): LlmApplicationInput {
  return { Name: p.Name, Prompt: p.Prompt, StartWord: p.StartWord, Description: p.Description, TtsVoiceCode: p.TtsVoiceCode, TtsSpeed: p.TtsSpeed, TtsVolume: p.TtsVolume };
}

/** An application as the actions return it; times in epoch milliseconds like every waihu action. */
export function applicationView(app: LlmApplicationRecord): Record<string, unknown> {
  return {
    ApplicationCode: app.code,
    Name: app.name,
    Description: app.description,
    Prompt: app.prompt,
    PromptParam: placeholderNames(app.prompt),
    StartWord: app.startWord,
    StartWordParam: placeholderNames(app.startWord),
    TtsVoiceCode: app.ttsVoiceCode,
    TtsSpeed: app.ttsSpeed,
    TtsVolume: app.ttsVolume,
    CreateTime: app.createdAt,
    UpdateTime: app.updatedAt,
  };
}

const listParams: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
  { name: 'Name', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'Only applications whose name contains this (case-insensitive).' },
];

/** CreateLlmApplication, UpdateLlmApplication, GetLlmApplication, ListLlmApplications and DeleteLlmApplication. */
export function llmApplicationActions(registry: AgentRegistry): ActionHandler[] {
  const apps = registry.applications;
  return [
    {
      spec: waihuAction('CreateLlmApplication', 'Creates an LLM application; Data is its ApplicationCode.', applicationParams(true), APP_QPS),
      handle: async (ctx, p) => ok((await apps.create(ctx.accountId, applicationInput(p))).code),
    },
    {
      spec: waihuAction('UpdateLlmApplication', 'Edits an application; parameters left out keep their value.', [code, ...applicationParams(false)], APP_QPS),
      handle: async (ctx, p) => ok(applicationView(await apps.update(ctx.accountId, p.ApplicationCode as string, applicationInput(p)))),
    },
    {
      spec: waihuAction('GetLlmApplication', 'Returns one application with its prompt and placeholder variables.', [code], APP_QPS),
      handle: async (ctx, p) => ok(applicationView(await apps.get(ctx.accountId, p.ApplicationCode as string))),
    },
    {
      spec: waihuAction('ListLlmApplications', "Lists the account's applications, newest first.", listParams, APP_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const name = typeof p.Name === 'string' && p.Name.trim() !== '' ? p.Name.trim() : undefined;
        const result = await apps.page(ctx.accountId, { ...(name ? { name } : {}) }, page);
        return ok({ List: result.items.map(applicationView), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('DeleteLlmApplication', 'Deletes an application that no agent links and no unfinished task uses.', [code], APP_QPS),
      handle: async (ctx, p) => {
        await apps.delete(ctx.accountId, p.ApplicationCode as string);
        return ok({ ApplicationCode: p.ApplicationCode });
      },
    },
  ];
}
