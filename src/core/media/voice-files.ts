/**
 * The voice-file use cases: upload (check, transcode, store), look up, list, read the audio, delete; every lookup
 * within the caller's account. The audio goes to the blob store before the row is written, and a failed row write
 * takes the blob back out, so a listed file always has its audio; deleting removes the row first, then the blob,
 * so a crash in between leaves at worst an unreferenced blob, never a file that cannot play.
 */
import type { BlobStore } from '../../ports/blob-store.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CompressedAudioDecoder } from '../../ports/voice-file-decoder.js';
import type { VoiceFileFilter, VoiceFileStore } from '../../ports/voice-file-store.js';
import { DomainError } from '../errors.js';
import { transcodeVoiceFile, VOICE_FILE_SAMPLE_RATE } from './voice-file-audio.js';
import { pcm16WavSamples } from './voice-file-wav.js';
import { checkedVoiceFileNames, decodedContent, voiceCodeOf, voiceFileBlobKey, type VoiceFileInput, type VoiceFileRecord } from './voice-file.js';

/** What the voice-file service needs. */
export interface VoiceFileDeps {
  store: VoiceFileStore;
  blobs: BlobStore;
  /** Decodes MP3 uploads (sox); WAV is decoded in process. */
  mp3: CompressedAudioDecoder;
  clock: Clock;
  /** A fresh random UUID per upload. */
  newId: () => string;
}

/** NotFound about the VoiceCode parameter: InvalidVoiceCode.NotFound (404) at the edge. */
function missing(code: string): DomainError {
  return new DomainError('NotFound', `The specified VoiceCode "${code}" does not exist.`, 'VoiceCode');
}

/** The account's voice files. */
export class VoiceFileService {
  constructor(private readonly deps: VoiceFileDeps) {}

  /**
   * Checks the names, decodes Content (base64) and transcodes it to 8 kHz mono WAV, stores the audio, then the row.
   * Nothing is stored when any step fails; InvalidArgument naming the parameter on bad input.
   */
  async upload(accountId: string, input: VoiceFileInput): Promise<VoiceFileRecord> {
    const names = checkedVoiceFileNames(input);
    const audio = await transcodeVoiceFile(decodedContent(input.content), this.deps.mp3);
    const code = voiceCodeOf(this.deps.newId());
    const record: VoiceFileRecord = {
      accountId, code, ...names, publicMode: input.publicMode, sourceFormat: audio.sourceFormat, durationMs: audio.durationMs,
      sampleRate: VOICE_FILE_SAMPLE_RATE, sizeBytes: audio.wav.length, blobKey: voiceFileBlobKey(accountId, code), createdAt: this.deps.clock.now(),
    };
    await this.deps.blobs.put(record.blobKey, audio.wav);
    try {
      await this.deps.store.insertVoiceFile(record);
    } catch (error) {
      await this.deps.blobs.delete(record.blobKey).catch(() => false);
      throw error;
    }
    return record;
  }

  /** One voice file of the account; NotFound (InvalidVoiceCode.NotFound) otherwise, another account's code included. */
  async get(accountId: string, code: string): Promise<VoiceFileRecord> {
    const file = await this.find(accountId, code);
    if (!file) throw missing(code);
    return file;
  }

  /** The account's voice file of that code, or undefined: for callers that answer an unknown code their own way. */
  find(accountId: string, code: string): Promise<VoiceFileRecord | undefined> {
    return this.deps.store.getVoiceFile(accountId, code);
  }

  /** The stored audio (8 kHz mono 16-bit WAV) of the account's voice file; NotFound when there is none. */
  async audio(accountId: string, code: string): Promise<Uint8Array> {
    const file = await this.get(accountId, code);
    const bytes = await this.deps.blobs.get(file.blobKey);
    if (!bytes) throw new DomainError('Internal', `voice file ${code} of account ${accountId} has no audio under ${file.blobKey}`);
    return bytes;
  }

  /** The audio of the account's voice file as 8 kHz samples, for carriers that play it; NotFound when there is none. */
  async samples(accountId: string, code: string): Promise<Int16Array> {
    return pcm16WavSamples(await this.audio(accountId, code));
  }

  /** The account's voice files matching the filter, newest first. */
  page(accountId: string, filter: VoiceFileFilter, page: PageRequest): Promise<Page<VoiceFileRecord>> {
    return this.deps.store.pageVoiceFiles(accountId, filter, page);
  }

  /** Deletes the file and its audio; calls placed afterwards with its code are refused as unknown. */
  async delete(accountId: string, code: string): Promise<VoiceFileRecord> {
    const removed = await this.deps.store.deleteVoiceFile(accountId, code);
    if (!removed) throw missing(code);
    await this.deps.blobs.delete(removed.blobKey);
    return removed;
  }
}
