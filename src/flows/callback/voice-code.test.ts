// VoiceCode / action_code lists as prompt items, and the TTS settings as SayOptions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promptItems, speedFactor, ttsOptions } from './voice-code.js';

test('voice ids, URLs and TTS items mix in one list; placeholders are filled from the params', () => {
  const built = promptItems('2d4c-4e78.wav, https://cdn.example.com/a.wav,$name$,尊敬的$title$，您好', { name: '喂，你好', title: '王先生' });
  assert.deepEqual(built, {
    items: [
      { kind: 'media', code: '2d4c-4e78.wav' },
      { kind: 'media', code: 'https://cdn.example.com/a.wav' },
      { kind: 'tts', code: '$name$', text: '喂，你好' },
      { kind: 'tts', code: '尊敬的$title$，您好', text: '尊敬的王先生，您好' },
    ],
    missing: [],
  });
});

test('a TTS item without a value is dropped when nothing is left to say, and reported missing once', () => {
  assert.deepEqual(promptItems(['$a$', 'x.wav', '$a$', '您好$b$'], {}), {
    items: [{ kind: 'media', code: 'x.wav' }, { kind: 'tts', code: '您好$b$', text: '您好' }],
    missing: ['a', 'b'],
  });
});

test('TtsStyle is the voice; TtsSpeed maps to a rate factor on the Alibaba scale', () => {
  assert.deepEqual(ttsOptions({}), {});
  assert.deepEqual(ttsOptions({ style: 'ruoxi', speed: 0 }), { voice: 'ruoxi' });
  assert.equal(speedFactor(0), 1);
  assert.equal(speedFactor(200), 1.25);
  assert.ok(Math.abs(speedFactor(-200) - 1 / 1.4) < 1e-12);
  assert.equal(speedFactor(900), speedFactor(200), 'clamped to the documented range');
});
