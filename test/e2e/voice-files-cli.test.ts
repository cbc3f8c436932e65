import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWav, tone } from '../../src/core/media/voice-file-test-kit.js';
import { waihu } from '../support/cli-runner.js';

/** The command's stdout parsed as JSON, after checking it succeeded. */
function json<T>(dataDir: string, args: string[]): T {
  const run = waihu(dataDir, [...args, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

test('voice-files: upload prints the VoiceCode; list, show and delete manage the file; bad files are refused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-voice-'));
  const wav = path.join(dir, '到期提醒.wav');
  writeFileSync(wav, buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRate: 22050, frames: 22050 * 3, signal: tone(800, 22050) }));

  const uploaded = waihu(dir, ['voice-files', 'upload', wav, '--public']);
  assert.equal(uploaded.code, 0, uploaded.stderr);
  const code = uploaded.stdout.trim();
  assert.match(code, /^[0-9a-f-]{36}\.wav$/);

  const listed = json<{ VoiceCode: string; Name: string; DurationMs: number; PublicMode: boolean; SourceFormat: string }[]>(dir, ['voice-files', 'list']);
  assert.deepEqual(listed.map((f) => [f.VoiceCode, f.Name, f.DurationMs, f.PublicMode, f.SourceFormat]), [[code, '到期提醒.wav', 3000, true, 'WAV']]);
  const text = waihu(dir, ['voice-files', 'list']);
  assert.match(text.stdout, new RegExp(`^${code}\\s+3\\.0 s\\s+public\\s+到期提醒\\.wav\\n$`));
  const shown = waihu(dir, ['voice-files', 'show', code]);
  assert.match(shown.stdout, /Stored as\s+WAV, 8000 Hz mono 16-bit, 48044 bytes/);

  const named = waihu(dir, ['voice-files', 'upload', wav, '--name', '第二个']);
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(json<{ Name: string; PublicMode: boolean }[]>(dir, ['voice-files', 'list', '--name', '第二']).map((f) => [f.Name, f.PublicMode]), [['第二个', false]]);

  const notAudio = path.join(dir, 'notes.wav');
  writeFileSync(notAudio, 'a text file named .wav');
  const refused = waihu(dir, ['voice-files', 'upload', notAudio]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^waihu: Content is neither a WAV nor an MP3 file/);
  const missing = waihu(dir, ['voice-files', 'upload', path.join(dir, 'nope.mp3')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.mp3: cannot read it: no such file/);
  assert.equal(waihu(dir, ['voice-files', 'upload']).code, 2, 'the file argument is required');

  assert.equal(waihu(dir, ['voice-files', 'delete', code]).code, 0);
  const gone = waihu(dir, ['voice-files', 'delete', code]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, new RegExp(`waihu: The specified VoiceCode "${code.replace(/\./g, '\\.')}" does not exist`));
  assert.equal(json<unknown[]>(dir, ['voice-files', 'list']).length, 1);
});
