import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWav } from '../../core/media/voice-file-wav.js';
import { expectSpeechError as expectError, parseMultipart, startSpeechTestServer, type TestHandler } from '../tts/speech-test-server.js';
import { OpenAiTranscriber } from './openai-transcriber.js';

/** 0.3 s of a varied signal, so a byte swap or an offset would show. */
function utterance(): Int16Array {
  const out = new Int16Array(2400);
  for (let i = 0; i < out.length; i++) out[i] = ((i * 7919) % 60_000) - 30_000;
  return out;
}

const answerText: TestHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ text: ' 我想查询订单。 ' }));
};

test('sends the utterance as a WAV in multipart form data and returns the text', async () => {
  const server = await startSpeechTestServer(answerText);
  try {
    const asr = new OpenAiTranscriber({ baseUrl: server.baseUrl, apiKey: 'sk-asr', model: 'whisper-1', language: 'zh' });
    const pcm = utterance();
    assert.deepEqual(await asr.transcribe(pcm), { text: '我想查询订单。' });
    const request = server.received[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1/audio/transcriptions');
    assert.equal(request.headers.authorization, 'Bearer sk-asr');
    assert.match(String(request.headers['content-type']), /^multipart\/form-data; boundary=/);
    const form = await parseMultipart(request);
    assert.equal(form.get('model'), 'whisper-1');
    assert.equal(form.get('language'), 'zh');
    assert.equal(form.get('response_format'), 'json');
    const file = form.get('file');
    assert.ok(file instanceof Blob);
    assert.equal((file as File).name, 'utterance.wav');
    const wav = decodeWav(new Uint8Array(await file.arrayBuffer()));
    assert.deepEqual(wav.format, { encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 8000 });
    assert.deepEqual(Array.from(wav.samples, (s) => Math.round(s * 32768)), Array.from(pcm));

    // A request's language wins over the default; with neither, none is sent.
    await asr.transcribe(pcm, { language: 'en' });
    assert.equal((await parseMultipart(server.received[1]!)).get('language'), 'en');
    await new OpenAiTranscriber({ baseUrl: server.baseUrl, model: 'whisper-1' }).transcribe(pcm);
    const plain = server.received[2]!;
    assert.equal((await parseMultipart(plain)).get('language'), null);
    assert.equal(plain.headers.authorization, undefined);
  } finally {
    await server.close();
  }
});

test('HTTP errors, garbage bodies and answers without text are clear errors', async () => {
  const server = await startSpeechTestServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'CUDA out of memory' } }));
  });
  try {
    const asr = new OpenAiTranscriber({ baseUrl: server.baseUrl, model: 'whisper-1' });
    await assert.rejects(asr.transcribe(utterance()), expectError('http', /transcriptions answered HTTP 500: the service failed \(CUDA out of memory\)/, 500));
    server.handle((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end('{"message":"slow down"}');
    });
    await assert.rejects(asr.transcribe(utterance()), expectError('http', /HTTP 429: rate limited or out of quota; try again later \(slow down\)/, 429));
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('not json at all');
    });
    await assert.rejects(asr.transcribe(utterance()), expectError('protocol', /not JSON \(starts "not json at all"\)/));
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"segments":[]}');
    });
    await assert.rejects(asr.transcribe(utterance()), expectError('protocol', /without a "text" string/));
  } finally {
    await server.close();
  }
});

test('a server that never answers times out; an abort stops the request; long utterances are not sent', async () => {
  const server = await startSpeechTestServer(() => {
    // never answers
  });
  try {
    const asr = new OpenAiTranscriber({ baseUrl: server.baseUrl, model: 'whisper-1', timeoutMs: 300, maxUtteranceSeconds: 1 });
    await assert.rejects(asr.transcribe(utterance()), expectError('timeout', /no complete answer within 300 ms/));
    const controller = new AbortController();
    const pending = new OpenAiTranscriber({ baseUrl: server.baseUrl, model: 'whisper-1' }).transcribe(utterance(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, { name: 'AbortError' });
    await assert.rejects(asr.transcribe(utterance(), { signal: AbortSignal.abort() }), { name: 'AbortError' });
    const before = server.received.length;
    await assert.rejects(asr.transcribe(new Int16Array(8001)), expectError('too-large', /1\.0 s long; at most 1 s/));
    assert.equal(server.received.length, before);
  } finally {
    await server.close();
  }
});
