/**
 * Voice files as waihu actions. A file's VoiceCode is what SingleCallByVoice plays; uploads are WAV or MP3 sent as
 * base64 in `Content` (in a form body: a query string cannot carry megabytes) and stored as 8 kHz mono 16-bit WAV.
 */
import { readPage } from '../../../core/campaigns/query-values.js';
import { MAX_VOICE_FILE_DURATION_MS } from '../../../core/media/voice-file-audio.js';
import { VOICE_FILE_LIMITS, type VoiceFileRecord } from '../../../core/media/voice-file.js';
import type { VoiceFileService } from '../../../core/media/voice-files.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

// Uploads decode and resample audio, so they are held well below the metadata actions.
const UPLOAD_QPS = { perUser: 10, api: 100 };
const FILE_QPS = { perUser: 20, api: 200 };
const L = VOICE_FILE_LIMITS;
const MIB = L.maxFileBytes / (1024 * 1024);
const code: ParamSpec = { name: 'VoiceCode', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The voice file, as UploadVoiceFile returned it (a UUID and .wav).' };

const uploadParams: ParamSpec[] = [
  { name: 'Name', type: 'String', required: true, maxLength: L.maxNameLength, lengthUnit: 'chars', description: `Name, at most ${L.maxNameLength} characters (need not be unique).` },
  { name: 'FileName', type: 'String', required: true, maxLength: L.maxFileNameLength * 4, lengthUnit: 'chars', description: `The uploaded file's name, kept for display (its last path segment, at most ${L.maxFileNameLength} characters); the format is told by the content.` },
  {
    name: 'Content', type: 'String', required: true,
    description: `The file's bytes, base64: WAV (PCM 8/16/24/32-bit, float, A-law, mu-law; any rate and channels) or MP3, at most ${MIB} MiB and ${MAX_VOICE_FILE_DURATION_MS / 60_000} minutes. Send it in a form body.`,
  },
  { name: 'PublicMode', type: 'Boolean', required: false, description: 'true: calls with this file may leave CalledShowNumber empty (default false).' },
];

const listParams: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
  { name: 'Name', type: 'String', required: false, maxLength: L.maxNameLength, lengthUnit: 'chars', description: 'Only files whose name contains this (case-insensitive).' },
];

/** A voice file as the actions return it; times in epoch milliseconds like every waihu action. */
export function voiceFileView(f: VoiceFileRecord): Record<string, unknown> {
  return {
    VoiceCode: f.code,
    Name: f.name,
    FileName: f.fileName,
    SourceFormat: f.sourceFormat,
    DurationMs: f.durationMs,
    SampleRate: f.sampleRate,
    Channels: 1,
    BitsPerSample: 16,
    Size: f.sizeBytes,
    PublicMode: f.publicMode,
    Status: 'APPROVED',
    CreateTime: f.createdAt,
  };
}

/** UploadVoiceFile, GetVoiceFile, ListVoiceFiles and DeleteVoiceFile. */
export function voiceFileActions(files: VoiceFileService): ActionHandler[] {
  return [
    {
      spec: waihuAction('UploadVoiceFile', 'Uploads a WAV or MP3 voice file, stored as 8 kHz mono; Data is its VoiceCode.', uploadParams, UPLOAD_QPS),
      handle: async (ctx, p) => {
        const input = { name: p.Name as string, fileName: p.FileName as string, content: p.Content as string, publicMode: p.PublicMode === true };
        return ok((await files.upload(ctx.accountId, input)).code);
      },
    },
    {
      spec: waihuAction('GetVoiceFile', 'Returns one voice file: duration (ms), stored format and size.', [code], FILE_QPS),
      handle: async (ctx, p) => ok(voiceFileView(await files.get(ctx.accountId, (p.VoiceCode as string).trim()))),
    },
    {
      spec: waihuAction('ListVoiceFiles', "Lists the account's voice files, newest first.", listParams, FILE_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const name = typeof p.Name === 'string' && p.Name.trim() !== '' ? p.Name.trim() : undefined;
        const result = await files.page(ctx.accountId, { ...(name ? { name } : {}) }, page);
        return ok({ List: result.items.map(voiceFileView), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('DeleteVoiceFile', 'Deletes a voice file and its audio; from then on its VoiceCode is unknown.', [code], FILE_QPS),
      handle: async (ctx, p) => {
        const removed = await files.delete(ctx.accountId, (p.VoiceCode as string).trim());
        return ok({ VoiceCode: removed.code });
      },
    },
  ];
}
