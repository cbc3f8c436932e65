/**
 * `waihu voice-files ...`: voice files from the shell, over the same use cases as UploadVoiceFile and friends, so the
 * CLI and the API accept and refuse the same files.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { VOICE_FILE_LIMITS, type VoiceFileRecord } from '../core/media/voice-file.js';
import { voiceFileView } from '../gateway/products/waihu/voice-files.js';
import { CliInputError, isoTime, labelled, listAll, runArea, type CommandArea } from './agents-support.js';
import type { Output } from './output.js';

const USAGE = `usage:
  waihu voice-files upload FILE [--name NAME] [--public]   WAV or MP3 (told by content), at most ${VOICE_FILE_LIMITS.maxFileBytes / 1024 / 1024} MiB;
                                                   prints the VoiceCode. --name defaults to the file name;
                                                   --public lets calls with it leave CalledShowNumber empty
  waihu voice-files list [--name PART]
  waihu voice-files show VOICE_CODE
  waihu voice-files delete VOICE_CODE               removes the file and its audio
every command also takes --account ID (default: the first account) and --json.
MP3 needs the sox program with MP3 support (Debian: sox, libsox-fmt-mp3).`;

/** The file the user named, refused before the app opens when it is missing, not a file or clearly too large. */
function readUpload(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new CliInputError(`${file}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(`${file}: cannot read it: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const max = VOICE_FILE_LIMITS.maxFileBytes;
  if (size > max) throw new CliInputError(`${file}: ${size} bytes; a voice file may be at most ${max / 1024 / 1024} MiB (${max} bytes)`);
  return readFileSync(file);
}

/** The --public value: present means true; `--public=false` is accepted for scripts that always pass it. */
function publicFlag(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new CliInputError(`--public takes no value (or true/false), got "${value}"`);
}

/** One line of the listing: code, length, mode, name. */
function listLine(f: VoiceFileRecord): string {
  return `${f.code}  ${(f.durationMs / 1000).toFixed(1).padStart(6)} s  ${f.publicMode ? 'public ' : 'private'}  ${f.name}`;
}

/** The `voice-files` command area. */
const voiceFilesArea: CommandArea = {
  name: 'voice-files',
  usage: USAGE,
  verbs: {
    upload: {
      args: ['FILE'],
      flags: ['name', 'public'],
      async run(ctx) {
        const file = ctx.args[0]!;
        const bytes = readUpload(file);
        const input = { name: ctx.flags.name ?? path.basename(file), fileName: path.basename(file), content: bytes.toString('base64'), publicMode: publicFlag(ctx.flags.public) };
        const { app, accountId } = await ctx.account();
        const created = await app.voiceResources.voiceFiles.upload(accountId, input);
        ctx.show(voiceFileView(created), created.code);
      },
    },
    list: {
      flags: ['name'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const filter = ctx.flags.name?.trim() ? { name: ctx.flags.name.trim() } : {};
        const list = await listAll((page) => app.voiceResources.voiceFiles.page(accountId, filter, page));
        ctx.show(list.map(voiceFileView), list.map(listLine).join('\n'));
      },
    },
    show: {
      args: ['VOICE_CODE'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const f = await app.voiceResources.voiceFiles.get(accountId, ctx.args[0]!);
        ctx.show(voiceFileView(f), labelled([
          ['VoiceCode', f.code],
          ['Name', f.name],
          ['FileName', f.fileName],
          ['Uploaded as', f.sourceFormat],
          ['Stored as', `WAV, ${f.sampleRate} Hz mono 16-bit, ${f.sizeBytes} bytes`],
          ['Duration', `${(f.durationMs / 1000).toFixed(3)} s`],
          ['PublicMode', String(f.publicMode)],
          ['Created', isoTime(f.createdAt)],
        ]));
      },
    },
    delete: {
      args: ['VOICE_CODE'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const removed = await app.voiceResources.voiceFiles.delete(accountId, ctx.args[0]!);
        ctx.show({ VoiceCode: removed.code }, `${removed.code}: deleted`);
      },
    },
  },
};

/**
 * Runs a voice-files subcommand; returns the exit code. The shared verb parser takes string flags only, so a bare
 * `--public` is handed to it as `--public=true`.
 */
export function voiceFilesCommand(config: Config, argv: string[], out: Output): Promise<number> {
  return runArea(config, voiceFilesArea, argv.map((arg) => (arg === '--public' ? '--public=true' : arg)), out);
}
