// PreviewTts through the official clients: a template's text comes back as audio a browser can play (an 8 kHz mono
// 16-bit WAV, base64, with sound in it and a duration that matches its samples) in the default voice and in a named
// one; a text past 500 characters, a blank text and an unknown voice are refused naming the parameter. Runs on the
// simulated carrier, where espeak-ng makes the sound; skipped without espeak-ng.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, otherTenant } from './aiccs-kit.js';
import { refused, waihu } from './waihu-kit.js';
import { espeakSkip } from '../support/installed.js';


/** The WAV's format fields and samples; fails the test when it is not the 44-byte-header PCM WAV promised. */
function readWav(base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  assert.equal(bytes.toString('latin1', 0, 4), 'RIFF');
  assert.equal(bytes.toString('latin1', 8, 16), 'WAVEfmt ');
  assert.equal(bytes.toString('latin1', 36, 40), 'data');
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length));
  return { format: bytes.readUInt16LE(20), channels: bytes.readUInt16LE(22), rate: bytes.readUInt32LE(24), bits: bytes.readUInt16LE(34), samples };
}

const loudest = (samples: Int16Array) => samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);

describe('PreviewTts', { skip: espeakSkip }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: a template's text is spoken as a playable 8 kHz WAV, in the default voice and a named one`, async () => {
      const t = await otherTenant(server, `preview ${client}`);
      const spoken = await waihu(client, t, 'PreviewTts', { Text: '您好,您的订单已到货,请凭取件码取件。' });
      const wav = readWav(String(spoken.Audio));
      assert.deepEqual([wav.format, wav.channels, wav.rate, wav.bits], [1, 1, 8000, 16]);
      assert.ok(wav.samples.length > 8000, `more than a second of speech, got ${wav.samples.length} samples`);
      assert.ok(loudest(wav.samples) > 1000, 'the audio is not silence');
      assert.equal(spoken.DurationMs, Math.round(wav.samples.length / 8));
      assert.deepEqual([spoken.Format, spoken.SampleRate, spoken.Voice], ['wav', 8000, 'SIMF01']);

      const english = await waihu(client, t, 'PreviewTts', { Text: 'Your parcel has arrived.', Voice: 'SIMEN1' });
      assert.equal(english.Voice, 'SIMEN1');
      assert.ok(readWav(String(english.Audio)).samples.length > 4000);
    });

    test(`${client}: too long, blank and unknown-voice requests are refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad preview ${client}`);
      await waihu(client, t, 'PreviewTts', { Text: '字'.repeat(500) }).then((d) => assert.ok(Number(d.DurationMs) > 0));
      await refused(client, t, 'PreviewTts', { Text: '字'.repeat(501) }, 'InvalidParameter', 400, /"Text" is not valid/);
      await refused(client, t, 'PreviewTts', { Text: '   ' }, 'InvalidParameter', 400, /"Text" is not valid: Text must not be blank/);
      await refused(client, t, 'PreviewTts', { Text: '您好', Voice: 'alloy' }, 'InvalidParameter', 400, /"Voice" is not valid: Voice "alloy" is not an available voice/);
      await refused(client, t, 'PreviewTts', {}, 'MissingText', 400);
    });
  }
});
