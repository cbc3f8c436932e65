/**
 * The account's voice resources as waihu management actions: TTS templates (voice-resources-tts.ts), caller numbers
 * (the CalledShowNumber values single calls may use) and receipt settings (where receipts are pushed).
 */
import { readPage } from '../../../core/campaigns/query-values.js';
import type { CallerNumberService } from '../../../core/media/caller-numbers.js';
import { MAX_RECEIPT_URL_LENGTH, RECEIPT_SETTING_TYPES, type ReceiptConfigRecord } from '../../../core/media/receipt-config.js';
import type { ReceiptConfigService } from '../../../core/media/receipt-configs.js';
import type { VoiceResources } from '../../../core/media/voice-resources.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';
import { ttsTemplateActions } from './voice-resources-tts.js';

const RESOURCE_QPS = { perUser: 20, api: 200 };
const phoneNumber: ParamSpec = { name: 'PhoneNumber', type: 'String', required: true, maxLength: 20, lengthUnit: 'chars', description: 'A caller number: 5-20 digits, nothing else.' };
const pageParams: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
];
const messageType = (required: boolean): ParamSpec => ({
  name: 'MessageType', type: 'String', required, enum: [...RECEIPT_SETTING_TYPES],
  description: required ? 'The receipt message type.' : 'Only this message type (default: all that are set).',
});
const url: ParamSpec = {
  name: 'Url', type: 'String', required: false, maxLength: MAX_RECEIPT_URL_LENGTH, lengthUnit: 'chars',
  description: `http:// or https:// URL receipts of the type are POSTed to, at most ${MAX_RECEIPT_URL_LENGTH} characters; empty or left out removes the setting.`,
};

/** AddCallerNumber, ListCallerNumbers and RemoveCallerNumber. */
function callerNumberActions(numbers: CallerNumberService): ActionHandler[] {
  return [
    {
      spec: waihuAction('AddCallerNumber', 'Registers a caller number, so single calls may show it as CalledShowNumber.', [phoneNumber], RESOURCE_QPS),
      handle: async (ctx, p) => {
        const added = await numbers.add(ctx.accountId, p.PhoneNumber as string);
        return ok({ PhoneNumber: added.number, CreateTime: added.createdAt });
      },
    },
    {
      spec: waihuAction('ListCallerNumbers', "Lists the account's caller numbers, newest first.", pageParams, RESOURCE_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const result = await numbers.page(ctx.accountId, page);
        const list = result.items.map((n) => ({ PhoneNumber: n.number, CreateTime: n.createdAt }));
        return ok({ List: list, Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('RemoveCallerNumber', 'Unregisters a caller number; calls already placed are not affected.', [phoneNumber], RESOURCE_QPS),
      handle: async (ctx, p) => {
        await numbers.remove(ctx.accountId, p.PhoneNumber as string);
        return ok({ PhoneNumber: (p.PhoneNumber as string).trim() });
      },
    },
  ];
}

/** A receipt setting as the actions return it. */
function receiptView(r: ReceiptConfigRecord): Record<string, unknown> {
  return { MessageType: r.messageType, Url: r.url, UpdateTime: r.updatedAt };
}

/** SetReceiptConfig and GetReceiptConfig. */
function receiptConfigActions(receipts: ReceiptConfigService): ActionHandler[] {
  return [
    {
      spec: waihuAction('SetReceiptConfig', 'Sets the URL receipts of one message type are pushed to; an empty Url removes it.', [messageType(true), url], RESOURCE_QPS),
      handle: async (ctx, p) => {
        const change = await receipts.set(ctx.accountId, p.MessageType as string, (p.Url as string | undefined) ?? '');
        return ok('set' in change ? { ...receiptView(change.set), Removed: false } : { MessageType: change.messageType, Url: '', Removed: change.removed });
      },
    },
    {
      spec: waihuAction('GetReceiptConfig', 'Returns the receipt URLs the account has set, one per message type.', [messageType(false)], RESOURCE_QPS),
      handle: async (ctx, p) => ok({ List: (await receipts.list(ctx.accountId, p.MessageType as string | undefined)).map(receiptView) }),
    },
  ];
}

/** Every voice-resource action. */
export function voiceResourceActions(resources: VoiceResources): ActionHandler[] {
  return [...ttsTemplateActions(resources.ttsTemplates), ...callerNumberActions(resources.callerNumbers), ...receiptConfigActions(resources.receiptConfigs)];
}
