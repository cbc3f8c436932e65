import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePcm16Wav } from '../../core/media/voice-file-wav.js';
import { OpenAiSpeechSynthesizer } from './openai-speech.js';
import { expectSpeechError as expectError, startSpeechTestServer, type TestHandler } from './speech-test-server.js';

/** A 440 Hz tone of `seconds` at `rate`, at half scale. */
function tone(seconds: number, rate: number): Int16Array {
  const out = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(16384 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return out;
}

function peak(pcm: Int16Array): number {
  let max = 0;
  for (const s of pcm) max = Math.max(max, Math.abs(s));
  return max;
}

const answerWav: TestHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'audio/wav' });
  res.end(encodePcm16Wav(tone(1, 24_000), 24_000));
};

test('posts the OpenAI request and returns the WAV answer at 8 kHz', async () => {
  const server = await startSpeechTestServer(answerWav);
  try {
    const speech = new OpenAiSpeechSynthesizer({ baseUrl: `${server.baseUrl}/`, apiKey: 'sk-test', model: 'tts-1' });
    const pcm = await speech.synthesize('您好，欢迎致电。', { voice: 'nova', speed: 1.25 });
    assert.equal(pcm.length, 8000, 'one second at 8 kHz');
    assert.ok(peak(pcm) > 15_000 && peak(pcm) < 17_500, `peak ${peak(pcm)}`);
    const [request] = server.received;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.path, '/v1/audio/speech');
    assert.equal(request!.headers.authorization, 'Bearer sk-test');
    assert.match(String(request!.headers['content-type']), /application\/json/);
    assert.deepEqual(JSON.parse(request!.body.toString('utf8')), { model: 'tts-1', input: '您好，欢迎致电。', voice: 'nova', response_format: 'wav', speed: 1.25 });

    // Defaults: the first voice, speed 1 (and clamped to OpenAI's range); volume is applied here, not sent.
    const quiet = await speech.synthesize('hi', { speed: 9, volume: 0.5 });
    assert.ok(peak(quiet) > 7_500 && peak(quiet) < 8_800, `peak ${peak(quiet)}`);
    assert.deepEqual(JSON.parse(server.received[1]!.body.toString('utf8')), { model: 'tts-1', input: 'hi', voice: 'alloy', response_format: 'wav', speed: 4 });
  } finally {
    await server.close();
  }
});

test('raw PCM answers are read at the configured rate; no key means no authorization header', async () => {
  const server = await startSpeechTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'audio/pcm' });
    res.end(Buffer.from(tone(0.5, 24_000).buffer));
  });
  try {
    const speech = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1', responseFormat: 'pcm', voices: [{ id: 'xiaoyun', name: '小云', language: 'zh-CN' }] });
    const pcm = await speech.synthesize('你好');
    assert.equal(pcm.length, 4000);
    assert.equal(server.received[0]!.headers.authorization, undefined);
    assert.equal(JSON.parse(server.received[0]!.body.toString('utf8')).response_format, 'pcm');
    assert.deepEqual(speech.voices(), [{ id: 'xiaoyun', name: '小云', language: 'zh-CN', provider: 'openai' }]);
  } finally {
    await server.close();
  }
});

test('HTTP errors name the status and what it means', async () => {
  const server = await startSpeechTestServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'model overloaded' } }));
  });
  try {
    const speech = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1' });
    await assert.rejects(speech.synthesize('hi'), expectError('http', /audio\/speech answered HTTP 500: the service failed \(model overloaded\)/, 500));
    server.handle((_req, res) => {
      res.writeHead(401);
      res.end('bad key');
    });
    await assert.rejects(speech.synthesize('hi'), expectError('http', /HTTP 401: the API key was refused; check apiKey \(bad key\)/, 401));
    server.handle((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    await assert.rejects(speech.synthesize('hi'), expectError('http', /HTTP 404: no such endpoint or model/, 404));
  } finally {
    await server.close();
  }
});

test('a garbage body is a protocol error, an oversized one is cut', async () => {
  const server = await startSpeechTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>proxy login</html>');
  });
  try {
    const speech = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1' });
    await assert.rejects(speech.synthesize('hi'), expectError('protocol', /answered text\/html that is not a WAV file \(starts "<html>proxy login/));
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(Buffer.from('RIFF\0\0\0\0WAVEjunkjunkjunk'));
    });
    await assert.rejects(speech.synthesize('hi'), expectError('protocol', /not a readable WAV/));
    server.handle(answerWav);
    const small = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1', maxBytes: 1000 });
    await assert.rejects(small.synthesize('hi'), expectError('too-large', /larger than 1000 bytes/));
  } finally {
    await server.close();
  }
});

test('a server that never answers times out; an abort stops the request; a closed port is a network error', async () => {
  const server = await startSpeechTestServer(() => {
    // never answers
  });
  try {
    const speech = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1', timeoutMs: 300 });
    await assert.rejects(speech.synthesize('hi'), expectError('timeout', /no complete answer within 300 ms/));
    const controller = new AbortController();
    const pending = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1' }).synthesize('hi', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, { name: 'AbortError' });
  } finally {
    await server.close();
  }
  const gone = new OpenAiSpeechSynthesizer({ baseUrl: server.baseUrl, model: 'tts-1' });
  await assert.rejects(gone.synthesize('hi'), expectError('network', /audio\/speech: \w+/));
});

test('credentials in the base URL are refused', () => {
  assert.throws(() => new OpenAiSpeechSynthesizer({ baseUrl: 'http://user:pw@127.0.0.1/v1', model: 'tts-1' }), /must not carry a user name or password/);
});
