import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRANCH_COOKIE, CSeqCounter, isRfc3261Branch, newBranch, newCallId, newTag } from './identifiers.js';
import { parseSipMessage } from './sip-message.js';
import { parseNameAddr, parseVia } from './sip-header-values.js';
import { INVITE } from './sip-test-messages.js';

test('branches carry the RFC 3261 cookie, 96 random bits, and are unique', () => {
  const branches = new Set(Array.from({ length: 5000 }, () => newBranch()));
  assert.equal(branches.size, 5000);
  for (const branch of [...branches].slice(0, 50)) {
    assert.match(branch, /^z9hG4bK[0-9a-f]{24}$/);
    assert.ok(isRfc3261Branch(branch));
  }
  assert.equal(isRfc3261Branch('1a2b3c'), false, 'an RFC 2543 branch');
  assert.equal(isRfc3261Branch(BRANCH_COOKIE), false);
  assert.equal(isRfc3261Branch(undefined), false);
});

test('tags and Call-IDs are random hex, unique, and fit in the headers they are written to', () => {
  const tags = new Set(Array.from({ length: 5000 }, () => newTag()));
  assert.equal(tags.size, 5000);
  assert.match(newTag(), /^[0-9a-f]{16}$/);
  assert.match(newCallId(), /^[0-9a-f]{32}$/);
  const callId = newCallId('198.51.100.7');
  assert.match(callId, /^[0-9a-f]{32}@198\.51\.100\.7$/);
  const branch = newBranch();
  const tag = newTag();
  const text = INVITE.replace('z9hG4bK74bf9', branch).replace('9fxced76sl', tag).replace('3848276298220188511@198.51.100.7', callId);
  const parsed = parseSipMessage(text);
  if (!parsed.ok) assert.fail(parsed.error);
  assert.equal(parseVia(parsed.message.headers.get('Via')!)?.branch, branch);
  assert.equal(parseNameAddr(parsed.message.headers.get('From')!)?.tag, tag);
  assert.equal(parsed.message.headers.get('Call-ID'), callId);
});

test('CSeq: new requests count up from the start, ACK/CANCEL reuse the current number, 2^31 is never reached', () => {
  const cseq = new CSeqCounter(41);
  assert.equal(cseq.next(), 42, 'INVITE');
  assert.equal(cseq.current, 42, 'its ACK or CANCEL');
  assert.equal(cseq.next(), 43, 'BYE');
  const random = new CSeqCounter();
  assert.ok(random.current >= 1 && random.current < 2 ** 20);
  const starts = new Set(Array.from({ length: 50 }, () => new CSeqCounter().current));
  assert.ok(starts.size > 40, 'random starts');
  const last = new CSeqCounter(2 ** 31 - 2);
  assert.equal(last.next(), 2 ** 31 - 1);
  assert.throws(() => last.next(), RangeError);
  assert.throws(() => new CSeqCounter(2 ** 31), RangeError);
  assert.throws(() => new CSeqCounter(1.5), RangeError);
});
