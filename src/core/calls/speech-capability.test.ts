// Recognition is there on the simulator and on SIP with an endpoint; only speech-driven flows need it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canRun, speechCapabilityOf } from './speech-capability.js';

const SETTING = 'WAIHU_ASR_BASE_URL';

test('only a SIP carrier without a recognizer lacks recognition, and it says which setting is missing', () => {
  assert.deepEqual(speechCapabilityOf({ carrier: 'sim', recognizerConfigured: false, recognizerSetting: SETTING }), { recognition: true });
  assert.deepEqual(speechCapabilityOf({ carrier: 'sip', recognizerConfigured: true, recognizerSetting: SETTING }), { recognition: true });
  assert.deepEqual(speechCapabilityOf({ carrier: 'sip', recognizerConfigured: false, recognizerSetting: SETTING }), { recognition: false, missingSetting: SETTING });
});

test('without recognition, flows that need no speech or fall back to keys still run; speech-driven ones do not', () => {
  const deaf = speechCapabilityOf({ carrier: 'sip', recognizerConfigured: false, recognizerSetting: SETTING });
  assert.deepEqual([canRun(deaf, 'none'), canRun(deaf, 'keys'), canRun(deaf, 'speech')], [true, true, false]);
  assert.ok(canRun({ recognition: true }, 'speech'));
});
