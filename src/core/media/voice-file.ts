/**
 * A voice file: a recording an account uploads (WAV or MP3) and plays by its VoiceCode in SingleCallByVoice and,
 * later, IVR prompts and call tasks. The audio is kept as 8 kHz mono 16-bit WAV in the blob store; the row holds
 * what lists and calls need (name, duration, public mode) and the key of the blob.
 */
import { DomainError } from '../errors.js';
import type { VoiceFileSourceFormat } from './voice-file-audio.js';

/** Limits of an upload. */
export const VOICE_FILE_LIMITS = Object.freeze({
  /**
   * Largest file accepted, in bytes. Content travels base64-encoded (4 characters per 3 bytes) and, in a form body,
   * with `+` and `/` percent-encoded: 5 MiB of audio is about 7.4 MB on the wire, under the 8 MiB request limit.
   */
  maxFileBytes: 5 * 1024 * 1024,
  maxNameLength: 64,
  maxFileNameLength: 128,
});

/** A stored voice file. */
export interface VoiceFileRecord {
  accountId: string;
  /** The VoiceCode: a UUID and `.wav`, shaped like Alibaba's voice ids (2d4c-4e78-8d2a-afbb06cf****.wav). */
  code: string;
  name: string;
  /** The name of the uploaded file, as the uploader gave it (kept for people; the format is told by the bytes). */
  fileName: string;
  /** Public-mode files may be called without a CalledShowNumber of the account's own (公共模式). */
  publicMode: boolean;
  /** What was uploaded. */
  sourceFormat: VoiceFileSourceFormat;
  /** Length of the stored audio, in milliseconds. */
  durationMs: number;
  /** Rate of the stored audio (always 8000 today). */
  sampleRate: number;
  /** Size of the stored WAV, in bytes. */
  sizeBytes: number;
  /** Where the audio is in the blob store. */
  blobKey: string;
  createdAt: number;
}

/** UploadVoiceFile's input after the gateway's type checks. */
export interface VoiceFileInput {
  name: string;
  fileName: string;
  /** The file's bytes, base64-encoded. */
  content: string;
  publicMode: boolean;
}

/** The VoiceCode of a new file from a random UUID. */
export function voiceCodeOf(uuid: string): string {
  return `${uuid}.wav`;
}

/** The blob key of an account's voice file. */
export function voiceFileBlobKey(accountId: string, code: string): string {
  return `voice-files/${accountId}/${code}`;
}

/** A trimmed text of 1..max characters; InvalidArgument naming the parameter otherwise. */
function checkedText(raw: string, param: string, max: number): string {
  const text = raw.trim();
  if (text === '') throw new DomainError('InvalidArgument', `${param} must not be blank`, param);
  if ([...text].length > max) throw new DomainError('InvalidArgument', `${param} is longer than ${max} characters`, param);
  return text;
}

/** The checked Name and FileName; a FileName keeps only its last path segment (a browser may send a full path). */
export function checkedVoiceFileNames(input: Pick<VoiceFileInput, 'name' | 'fileName'>): { name: string; fileName: string } {
  const name = checkedText(input.name, 'Name', VOICE_FILE_LIMITS.maxNameLength);
  const fileName = checkedText(input.fileName.split(/[\\/]/).pop() ?? '', 'FileName', VOICE_FILE_LIMITS.maxFileNameLength);
  return { name, fileName };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 Content; InvalidArgument when it is not base64, is empty or is over the size limit. */
export function decodedContent(content: string): Uint8Array {
  const text = content.replace(/\s+/g, '');
  const max = VOICE_FILE_LIMITS.maxFileBytes;
  const mib = max / (1024 * 1024);
  // Judged on the text first, so an oversized upload is refused without being decoded.
  const approxBytes = Math.floor((text.length * 3) / 4);
  if (approxBytes > max + 2) {
    throw new DomainError('InvalidArgument', `Content is a file of about ${approxBytes} bytes; a voice file may be at most ${mib} MiB (${max} bytes)`, 'Content');
  }
  if (text === '') throw new DomainError('InvalidArgument', 'Content must not be empty: send the file as base64', 'Content');
  if (!BASE64.test(text) || text.length % 4 === 1) throw new DomainError('InvalidArgument', 'Content is not base64 text (A-Z, a-z, 0-9, +, / and = padding)', 'Content');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > max) throw new DomainError('InvalidArgument', `Content is a file of ${bytes.length} bytes; a voice file may be at most ${mib} MiB (${max} bytes)`, 'Content');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
