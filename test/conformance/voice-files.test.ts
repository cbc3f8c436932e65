// Voice files through the official clients against a real server: WAV and MP3 uploads (base64 in a form body) are
// stored as 8 kHz mono WAV and read back, listed and deleted through waihu's actions; SingleCallByVoice plays an
// uploaded file PlayTimes times for its real length on the simulated carrier; unknown, deleted and foreign codes,
// public mode, bad and oversized uploads answer their documented codes, and a refused upload stores nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildWav, soxMp3Tone, storedSamples, tone, toneAmplitude } from '../../src/core/media/voice-file-test-kit.js';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { DYVMS, popCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { assertOk, CLIENTS, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { refused, waihu } from './waihu-kit.js';

const SHOW = '057100002222';
const VOICE_CODE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.wav$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 1 kHz tone in 44.1 kHz stereo 16-bit WAV, as base64. */
function toneWavBase64(seconds: number): string {
  return Buffer.from(buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRate: 44100, frames: Math.round(44100 * seconds), signal: tone(1000, 44100) })).toString('base64');
}

/** A waihu or dyvms call through the named client, parameters in a form body; the body. */
async function post(client: ClientName, t: Tenant, version: string, action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (client === 'pop-core V1') return popCore(t.url, version, t.key).request(action, params, 'POST');
  return (await t.core.call({ version, action, params, where: 'form' })).body;
}

/** UploadVoiceFile through the named client; the VoiceCode. */
async function upload(client: ClientName, t: Tenant, params: Record<string, unknown>): Promise<string> {
  return String(assertOk(await post(client, t, WAIHU, 'UploadVoiceFile', params)).Data);
}

/** Asserts a call fails with that code, status and message. */
async function refusedPost(client: ClientName, t: Tenant, version: string, action: string, params: Record<string, unknown>, code: string, status: number, message: RegExp) {
  const err = await rejection(post(client, t, version, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: status >= 500 ? 'ServerError' : 'ClientError' });
  assert.match(String(body.Message), message);
}

describe('voice files', () => {
  let server: TestServer;
  const blobFiles = () => readdirSync(path.join(server.app.config.dataDir, 'blobs'), { recursive: true }).filter((f) => String(f).endsWith('.wav'));

  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.05 } });
  });
  after(() => server?.stop());

  /** Waits for the single call to end; its stored record and dialog. */
  async function ended(t: Tenant, callId: string) {
    for (let i = 0; i < 400; i++) {
      const call = await server.app.store.getSingleCall(t.accountId, callId);
      if (call?.endedAt !== undefined) return { call, dialog: await server.app.store.getCallDialog(t.accountId, callId) };
      await sleep(25);
    }
    throw new Error(`call ${callId} did not end`);
  }

  for (const client of CLIENTS) {
    test(`${client}: WAV and MP3 uploads are stored as 8 kHz mono, read back, listed newest first and filtered`, async () => {
      const t = await otherTenant(server, `uploads ${client}`);
      const wav = await upload(client, t, { Name: '催缴提醒', FileName: 'C:\\records\\remind.WAV', Content: toneWavBase64(2.5) });
      assert.match(wav, VOICE_CODE);
      const got = await waihu(client, t, 'GetVoiceFile', { VoiceCode: wav });
      assert.deepEqual({ ...got, CreateTime: 0 }, {
        VoiceCode: wav, Name: '催缴提醒', FileName: 'remind.WAV', SourceFormat: 'WAV', DurationMs: 2500, SampleRate: 8000, Channels: 1,
        BitsPerSample: 16, Size: 44 + 2500 * 16, PublicMode: false, Status: 'APPROVED', CreateTime: 0,
      });
      const audio = storedSamples(await server.app.voiceResources.voiceFiles.audio(t.accountId, wav));
      assert.ok(Math.abs(toneAmplitude(audio, 1000, 8000) - 0.5) < 0.01, 'the stored audio is the tone');

      // Named like a WAV, but the bytes are MP3: the content decides.
      const mp3 = await upload(client, t, { Name: 'mp3 通知', FileName: 'looks-like.wav', Content: Buffer.from(soxMp3Tone(1000, 1.5)).toString('base64'), PublicMode: true });
      const mp3File = await waihu(client, t, 'GetVoiceFile', { VoiceCode: mp3 });
      assert.equal(mp3File.SourceFormat, 'MP3');
      assert.ok(Math.abs(Number(mp3File.DurationMs) - 1500) <= 100, `about 1.5 s, got ${String(mp3File.DurationMs)}`);
      assert.equal(mp3File.PublicMode, true);

      const list = await waihu(client, t, 'ListVoiceFiles', { PageSize: 1 });
      assert.deepEqual([list.Total, (list.List as { VoiceCode: string }[]).map((f) => f.VoiceCode), list.PageNo, list.PageSize], [2, [mp3], 1, 1]);
      const byName = await waihu(client, t, 'ListVoiceFiles', { Name: 'MP3' });
      assert.deepEqual((byName.List as { Name: string }[]).map((f) => f.Name), ['mp3 通知']);
    });

    test(`${client}: SingleCallByVoice plays the uploaded file PlayTimes times for its real length`, async () => {
      const t = await otherTenant(server, `calls ${client}`);
      await waihu(client, t, 'AddCallerNumber', { PhoneNumber: SHOW });
      const code = await upload(client, t, { Name: '两秒', FileName: 'two.wav', Content: toneWavBase64(2) });
      const body = await post(client, t, DYVMS, 'SingleCallByVoice', { CalledNumber: '13800000015', CalledShowNumber: SHOW, VoiceCode: code, PlayTimes: 2, OutId: 'vf-1' });
      assert.deepEqual([body.Code, body.Message], ['OK', 'OK']);
      const { call, dialog } = await ended(t, String(body.CallId));
      assert.deepEqual([call.kind, call.flowRef, call.caller, call.outId, call.callResult], ['SingleCallByVoice', code, SHOW, 'vf-1', 'ANSWERED']);
      // Two plays of the 2 s file (the simulator's stand-in length for an unknown file is 5 s a play).
      assert.equal(call.durationSeconds, 4);
      assert.deepEqual(dialog?.turns.map((turn) => turn.content), [`[${code}]`, `[${code}]`]);
    });

    test(`${client}: public mode, unknown, deleted and foreign codes`, async () => {
      const owner = await otherTenant(server, `owner ${client}`);
      await waihu(client, owner, 'AddCallerNumber', { PhoneNumber: SHOW });
      const open = await upload(client, owner, { Name: '公共', FileName: 'p.wav', Content: toneWavBase64(0.5), PublicMode: true });
      const own = await upload(client, owner, { Name: '专属', FileName: 'o.wav', Content: toneWavBase64(0.5) });
      const call = { CalledNumber: '13900000015', VoiceCode: open, PlayTimes: 1 };
      assert.equal((await post(client, owner, DYVMS, 'SingleCallByVoice', call)).Code, 'OK', 'a public-mode file needs no CalledShowNumber');
      await refusedPost(client, owner, DYVMS, 'SingleCallByVoice', { ...call, CalledNumber: '13700000015', VoiceCode: own }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /CalledShowNumber/);
      await refusedPost(client, owner, DYVMS, 'SingleCallByVoice', { ...call, CalledShowNumber: '057199999999', CalledNumber: '13700000015' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /not one of the account's caller numbers/);

      const unknown = '00000000-0000-4000-8000-000000000000.wav';
      await refusedPost(client, owner, DYVMS, 'SingleCallByVoice', { ...call, VoiceCode: unknown }, 'InvalidVoiceCode.NotFound', 404, new RegExp(`VoiceCode "${unknown}" does not exist: it is not a voice file of this account`));
      const stranger = await otherTenant(server, `stranger ${client}`);
      await refusedPost(client, stranger, DYVMS, 'SingleCallByVoice', call, 'InvalidVoiceCode.NotFound', 404, /does not exist/);
      await refused(client, stranger, 'GetVoiceFile', { VoiceCode: open }, 'InvalidVoiceCode.NotFound', 404, /does not exist/);
      await refused(client, stranger, 'DeleteVoiceFile', { VoiceCode: open }, 'InvalidVoiceCode.NotFound', 404);

      const before = blobFiles().length;
      assert.deepEqual(await waihu(client, owner, 'DeleteVoiceFile', { VoiceCode: open }), { VoiceCode: open });
      assert.equal(blobFiles().length, before - 1, 'the audio is deleted with the file');
      await refused(client, owner, 'GetVoiceFile', { VoiceCode: open }, 'InvalidVoiceCode.NotFound', 404, new RegExp(`"${open}" does not exist`));
      await refused(client, owner, 'DeleteVoiceFile', { VoiceCode: open }, 'InvalidVoiceCode.NotFound', 404);
      await refusedPost(client, owner, DYVMS, 'SingleCallByVoice', { ...call, CalledNumber: '13600000015' }, 'InvalidVoiceCode.NotFound', 404, /does not exist/);
    });

    test(`${client}: bad uploads are refused naming the parameter, and store nothing`, async () => {
      const t = await otherTenant(server, `bad ${client}`);
      const before = blobFiles().length;
      const good = { Name: 'n', FileName: 'f.wav', Content: toneWavBase64(0.2) };
      const text = Buffer.from('just some text, not audio').toString('base64');
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ Content: text }, 'InvalidParameter', /"Content" is not valid: Content is neither a WAV nor an MP3 file; upload WAV .* or MP3/],
        [{ Content: 'not base64!' }, 'InvalidParameter', /"Content" is not valid: Content is not base64/],
        [{ Content: Buffer.from(buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 8000, frames: 0, signal: () => 0 })).toString('base64') }, 'InvalidParameter', /WAV file with no audio in it/],
        [{ Content: Buffer.from(randomBytes(64)).toString('base64').replace(/^.{8}/, 'UklGRiQA') }, 'InvalidParameter', /"Content" is not valid/],
        [{ Name: '   ' }, 'InvalidParameter', /"Name" is not valid: Name must not be blank/],
        [{ Content: undefined }, 'MissingContent', /Content is mandatory/],
      ];
      for (const [change, code, message] of cases) {
        const params = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
        await refusedPost(client, t, WAIHU, 'UploadVoiceFile', params, code, 400, message);
      }
      assert.equal((await waihu(client, t, 'ListVoiceFiles')).Total, 0);
      assert.equal(blobFiles().length, before);
    });

    test(`${client}: a file over 5 MiB is refused with the limit; a body over 8 MiB is RequestEntityTooLarge`, async () => {
      const t = await otherTenant(server, `big ${client}`);
      const over = Buffer.alloc(5 * 1024 * 1024 + 1024, 1).toString('base64');
      await refusedPost(client, t, WAIHU, 'UploadVoiceFile', { Name: 'big', FileName: 'big.wav', Content: over }, 'InvalidParameter', 400, /a voice file may be at most 5 MiB \(5242880 bytes\)/);
      const huge = Buffer.alloc(6 * 1024 * 1024 + 512 * 1024, 1).toString('base64');
      await refusedPost(client, t, WAIHU, 'UploadVoiceFile', { Name: 'huge', FileName: 'huge.wav', Content: huge }, 'RequestEntityTooLarge', 413, /exceeds the limit of 8388608 bytes/);
      assert.equal((await waihu(client, t, 'ListVoiceFiles')).Total, 0);
    });
  }

  test('a V1 caller asking for XML gets the VoiceCode and the refusals in XML', async () => {
    const send = async (params: Record<string, string>) => {
      const { req } = makeV1({
        method: 'POST', inBody: true, accessKeyId: server.key.AccessKeyId, secret: server.key.AccessKeySecret,
        timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), nonce: randomBytes(16).toString('hex'),
        params: { Action: 'UploadVoiceFile', Version: WAIHU, Format: 'XML', CalledNumber: undefined, TtsCode: undefined, ...params },
      });
      const res = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: req.body });
      return { status: res.status, text: await res.text() };
    };
    const ok = await send({ Name: 'xml', FileName: 'x.wav', Content: toneWavBase64(0.3) });
    assert.equal(ok.status, 200);
    assert.match(ok.text, /<UploadVoiceFileResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>OK<\/Code>.*<Data>[0-9a-f-]{36}\.wav<\/Data>/);
    const bad = await send({ Name: 'xml', FileName: 'x.wav', Content: Buffer.from('plain text').toString('base64') });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<Error><RequestId>[0-9A-F-]{36}<\/RequestId>.*<Code>InvalidParameter<\/Code>.*neither a WAV nor an MP3 file/);
  });
});
