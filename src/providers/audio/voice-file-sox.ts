/**
 * MP3 decoding with the `sox` program (Debian packages `sox` and `libsox-fmt-mp3`) as a child process: the file goes
 * in on stdin, raw 16-bit mono PCM at the telephone rate comes out on stdout, resampled by sox's own band-limited
 * `rate` effect. The child is killed when it runs past its time or its output past the length cap, so a hostile
 * upload cannot hold the server.
 */
import { DomainError } from '../../core/errors.js';
import type { CompressedAudioDecoder, DecodeTarget } from '../../ports/voice-file-decoder.js';
import { runPiped } from '../process/piped-process.js';

/** How sox is run. */
export interface SoxOptions {
  /** The program; `sox` on the PATH by default. */
  command?: string;
  /** Longest a decode may take before the child is killed; default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Without sox (or without its MP3 format) MP3 cannot be read at all: a missing server feature, not a bad file. */
function soxMissing(detail: string): DomainError {
  return new DomainError(
    'NotImplemented',
    `MP3 voice files need the sox program with MP3 support on the waihu server (Debian packages sox and libsox-fmt-mp3); ${detail}. Install it, or upload the file as WAV.`,
    'Content',
  );
}

/** The first line sox wrote to stderr, without its "sox FAIL" prefix. */
function firstComplaint(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? 'no message';
  return line.replace(/^sox (FAIL|WARN) \w+: /, '').trim().slice(0, 200);
}

/** Decodes MP3 by piping it through sox; see the module comment. */
export class SoxMp3Decoder implements CompressedAudioDecoder {
  private readonly command: string;
  private readonly timeoutMs: number;

  constructor(options: SoxOptions = {}) {
    this.command = options.command ?? 'sox';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The MP3 as mono 16-bit PCM at the target rate; see CompressedAudioDecoder. */
  async decodeMp3(bytes: Uint8Array, target: DecodeTarget): Promise<Int16Array> {
    // -V1: errors only; -G: lower the gain if resampling would clip; -D: no dither, so a decode is reproducible.
    const args = ['-V1', '-G', '-D', '-t', 'mp3', '-', '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', String(target.sampleRate), '-L', '-'];
    const minutes = Math.round((target.maxSamples / target.sampleRate / 60) * 10) / 10;
    const { code, stdout, stderr } = await runPiped({
      command: this.command, args, input: bytes, timeoutMs: this.timeoutMs, maxOutputBytes: target.maxSamples * 2,
      errors: {
        missing: () => soxMissing(`"${this.command}" is not installed`),
        timeout: () => new DomainError('InvalidArgument', `Content could not be decoded as MP3 within ${this.timeoutMs / 1000} s`, 'Content'),
        tooLarge: () => new DomainError('InvalidArgument', `Content is an MP3 longer than ${minutes} minutes, the longest voice file accepted`, 'Content'),
        aborted: () => new Error('MP3 decoding was aborted'),
      },
    });
    if (/no handler for (given )?file type/i.test(stderr)) throw soxMissing('sox is installed but cannot read MP3 (libsox-fmt-mp3 is missing)');
    if (code !== 0) throw new DomainError('InvalidArgument', `Content is not a readable MP3 file (sox: ${firstComplaint(stderr)})`, 'Content');
    const samples = new Int16Array(Math.floor(stdout.length / 2));
    for (let k = 0; k < samples.length; k++) samples[k] = stdout.readInt16LE(k * 2);
    return samples;
  }
}
