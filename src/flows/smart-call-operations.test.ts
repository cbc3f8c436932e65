// SmartCallOperate's bridge reaches the SmartCall flow as the answer to its next event: at once when ordered before,
// in place of the customer's answer when ordered while that answer was on its way; one order per call, none after
// the flow is over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HookReply, SmartCallEvent, SmartCallHook } from '../ports/smart-call-hook.js';
import { judgeReply } from './callback/hook-reply.js';
import { SmartCallOperations } from './smart-call-operations.js';

const EVENT: SmartCallEvent = { callId: '1^2', timestamp: 0, contentType: 'mute', content: {} };
const PLAY: HookReply = { ok: true, body: { result: 'success', data: { action: 'play', action_code: '$a$', action_code_param: { a: '好' } } } };

/** A customer hook that answers `play`, optionally only when released. */
function customer(): { hook: SmartCallHook; sent: number; release: () => void } {
  let release: () => void = () => {};
  const state = {
    sent: 0,
    release: () => release(),
    hook: {
      send: () => {
        state.sent++;
        return new Promise<HookReply>((resolve) => (release = () => resolve(PLAY)));
      },
    },
  };
  return state;
}

test('an order placed between turns answers the next event parallel_bridge without asking the customer', async () => {
  const c = customer();
  const operations = new SmartCallOperations(c.hook);
  assert.equal(operations.orderBridge({ agent: '1001' }), true);
  const reply = await operations.send(EVENT);
  assert.equal(c.sent, 0);
  const judged = judgeReply(reply.ok ? reply.body : undefined, '1^2');
  assert.ok(judged.ok);
  assert.equal(judged.reply.action, 'parallel_bridge');
  assert.equal(judged.reply.parallel.ccName, '1001');
  assert.equal(operations.current, 'bridging');
  assert.equal(operations.orderBridge({}), false, 'one bridge per call');
});

test('an order placed while the customer is answering replaces that answer', async () => {
  const c = customer();
  const operations = new SmartCallOperations(c.hook);
  const pending = operations.send(EVENT);
  operations.orderBridge({});
  c.release();
  const reply = await pending;
  assert.equal(c.sent, 1);
  const judged = judgeReply(reply.ok ? reply.body : undefined, '1^2');
  assert.ok(judged.ok && judged.reply.action === 'parallel_bridge' && judged.reply.parallel.ccName === undefined);
});

test('without an order the customer answers; after the flow is over orders are refused', async () => {
  const c = customer();
  const operations = new SmartCallOperations(c.hook);
  const pending = operations.send(EVENT);
  c.release();
  assert.deepEqual(await pending, PLAY);
  operations.close();
  assert.equal(operations.orderBridge({ agent: 'x' }), false);
});
