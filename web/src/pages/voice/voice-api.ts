/**
 * The voice-resource actions this page calls and the fields it reads (src/gateway/products/waihu/voice-*.ts,
 * tts-preview.ts, aiccs list-available-tts.ts; docs/voice-resources.md). Only transport and types live here.
 */
import type { Envelope, PageData, Product } from '../../actions';
import { callAction } from '../../api';

export interface TtsTemplate {
  TtsCode: string;
  Name: string;
  Type: 'NOTIFY' | 'CODE';
  Content: string;
  Variables: string[];
  PublicMode: boolean;
  Status: string;
  CreateTime: number;
}

export interface VoiceFile {
  VoiceCode: string;
  Name: string;
  FileName: string;
  SourceFormat: string;
  DurationMs: number;
  Size: number;
  PublicMode: boolean;
  CreateTime: number;
}

/** One `Data[]` entry of aiccs ListAvailableTts. */
export interface AvailableVoice {
  TtsVoiceCode: string;
  TtsVoiceName?: string;
  TtsEngine?: string;
  TtsStyle?: string;
  TtsAuditionFileUrl?: string;
}

/** `Data` of waihu PreviewTts: a WAV in base64. */
export interface TtsPreview {
  Audio: string;
  Format: string;
  SampleRate: number;
  DurationMs: number;
  Voice: string;
}

/** One action whose `Data` has the given shape (the server is the source of truth; this only names fields). */
export async function call<T>(product: Product, action: string, params: Record<string, unknown>): Promise<Envelope<T>> {
  return (await callAction(product, action, params)) as unknown as Envelope<T>;
}

export type { PageData };

/** Longest template text and preview text (TTS_TEMPLATE_LIMITS, MAX_PREVIEW_TEXT). */
export const MAX_CONTENT = 500;
export const MAX_NAME = 64;
/** Largest voice file UploadVoiceFile takes (VOICE_FILE_LIMITS.maxFileBytes). */
export const MAX_VOICE_FILE_BYTES = 5 * 1024 * 1024;
