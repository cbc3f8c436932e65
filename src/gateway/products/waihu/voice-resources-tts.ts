/**
 * TTS templates as waihu actions. A template's TtsCode is what SingleCallByTts, IvrCall and CreateCallTask take;
 * its Variables are the names their TtsParam fills.
 */
import { readPage } from '../../../core/campaigns/query-values.js';
import { templateVariables, TTS_TEMPLATE_LIMITS, TTS_TEMPLATE_TYPES, type TtsTemplateRecord } from '../../../core/media/tts-template.js';
import type { TtsTemplateService } from '../../../core/media/tts-templates.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const TEMPLATE_QPS = { perUser: 20, api: 200 };
const L = TTS_TEMPLATE_LIMITS;
const code: ParamSpec = { name: 'TtsCode', type: 'String', required: true, maxLength: 32, lengthUnit: 'chars', description: 'The template, as CreateTtsTemplate returned it (TTS_ and digits).' };

const createParams: ParamSpec[] = [
  { name: 'Name', type: 'String', required: true, maxLength: L.maxNameLength, lengthUnit: 'chars', description: `Name, at most ${L.maxNameLength} characters (need not be unique).` },
  {
    name: 'Content', type: 'String', required: true, maxLength: L.maxContentLength, lengthUnit: 'chars',
    description: `Text to speak, at most ${L.maxContentLength} characters, with \${name} variables; no links (http://, https://, www.).`,
  },
  { name: 'Type', type: 'String', required: true, enum: [...TTS_TEMPLATE_TYPES], description: 'NOTIFY (voice notification) or CODE (verification code: exactly one variable).' },
  { name: 'PublicMode', type: 'Boolean', required: false, description: 'true: calls with this template may leave CalledShowNumber empty (default false).' },
];

const listParams: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
  { name: 'Name', type: 'String', required: false, maxLength: L.maxNameLength, lengthUnit: 'chars', description: 'Only templates whose name contains this (case-insensitive).' },
];

/** A template as the actions return it; times in epoch milliseconds like every waihu action. */
function templateView(t: TtsTemplateRecord): Record<string, unknown> {
  return {
    TtsCode: t.code,
    Name: t.name,
    Type: t.type,
    Content: t.content,
    Variables: templateVariables(t.content),
    PublicMode: t.publicMode,
    Status: t.status,
    CreateTime: t.createdAt,
  };
}

/** CreateTtsTemplate, GetTtsTemplate, ListTtsTemplates and DeleteTtsTemplate. */
export function ttsTemplateActions(templates: TtsTemplateService): ActionHandler[] {
  return [
    {
      spec: waihuAction('CreateTtsTemplate', 'Creates a TTS template, approved at once (waihu has no review); Data is its TtsCode.', createParams, TEMPLATE_QPS),
      handle: async (ctx, p) => {
        const input = { name: p.Name as string, content: p.Content as string, type: p.Type as string, publicMode: p.PublicMode === true };
        return ok((await templates.create(ctx.accountId, input)).code);
      },
    },
    {
      spec: waihuAction('GetTtsTemplate', 'Returns one TTS template with its variable names.', [code], TEMPLATE_QPS),
      handle: async (ctx, p) => ok(templateView(await templates.get(ctx.accountId, p.TtsCode as string))),
    },
    {
      spec: waihuAction('ListTtsTemplates', "Lists the account's TTS templates, newest first.", listParams, TEMPLATE_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const name = typeof p.Name === 'string' && p.Name.trim() !== '' ? p.Name.trim() : undefined;
        const result = await templates.page(ctx.accountId, { ...(name ? { name } : {}) }, page);
        return ok({ List: result.items.map(templateView), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('DeleteTtsTemplate', 'Deletes a TTS template; from then on its TtsCode is unknown.', [code], TEMPLATE_QPS),
      handle: async (ctx, p) => {
        await templates.delete(ctx.accountId, p.TtsCode as string);
        return ok({ TtsCode: p.TtsCode });
      },
    },
  ];
}
