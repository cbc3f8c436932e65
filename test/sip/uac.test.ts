/**
 * The SIP user agent client against a real SIP peer: one sipp UAS scenario (test/sipp/) per test on loopback UDP.
 * Each test checks the CallResult and dyvms code the call ended with, who hung up, the events seen, and sipp's exit
 * code (0 = the scenario's messages were exchanged exactly as written). Skipped only when sipp is not installed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { SipUdpTransport } from '../../src/providers/telephony/sip/ua/udp-transport.js';
import { UacCall, type UacCallEnding, type UacCallOptions } from '../../src/providers/telephony/sip/ua/uac-call.js';
import type { NegotiatedAudio } from '../../src/providers/telephony/sip/signalling/sdp-negotiation.js';
import type { SipRequest } from '../../src/providers/telephony/sip/signalling/sip-message.js';
import { freeUdpPort, sippAvailable, startSipp } from '../sipp/run-sipp.js';

const skip = sippAvailable() ? false : 'sipp is not on PATH (Debian package sip-tester): SIP UAC tests skipped';

/** What one call did, as seen through its events and the requests it sent. */
interface CallRecord {
  ending: UacCallEnding;
  events: string[];
  early?: NegotiatedAudio;
  answered?: NegotiatedAudio;
  held?: NegotiatedAudio;
  sipp: { code: number | null; output: string };
}

/** Call options for one test; credentials go into the trunk, whose proxy port is sipp's. */
type DialOptions = Partial<Omit<UacCallOptions, 'trunk' | 'transport'>> & { credentials?: { username: string; password: string } };

describe('SIP UAC against sipp', { skip, timeout: 120_000 }, () => {
  const sent: SipRequest[] = [];
  const transport = new SipUdpTransport({
    bindAddress: '127.0.0.1', bindPort: 0,
    trace: (direction, message) => { if (direction === 'out' && message.kind === 'request') sent.push(message); },
  });
  before(() => transport.start());
  after(() => transport.stop());

  /** Dials `scenario`, lets `drive` act on the call (hang up, ...), and waits for both sides to finish. */
  async function dial(scenario: string, options: DialOptions = {}, drive?: (call: UacCall, events: string[]) => void): Promise<CallRecord> {
    sent.length = 0;
    const sipp = await startSipp(scenario);
    try {
      const { credentials, ...callOptions } = options;
      const call = new UacCall({
        transport, callee: '13800000000', rtp: { address: '127.0.0.1', port: 30000 },
        trunk: { proxy: { host: '127.0.0.1', port: sipp.port }, domain: '127.0.0.1', fromUser: 'waihu', ...credentials },
        ringTimeoutMs: 20_000, ...callOptions,
      });
      const events: string[] = [];
      const record: Partial<CallRecord> = { events };
      call.on('ringing', () => events.push('ringing'));
      call.on('earlyMedia', (remote) => { events.push('earlyMedia'); record.early = remote; });
      call.on('answered', (remote) => { events.push('answered'); record.answered = remote; });
      call.on('mediaChanged', (remote) => { events.push(remote.onHold ? 'held' : 'resumed'); record.held = remote; });
      drive?.(call, events);
      const ended = once(call, 'ended');
      call.start();
      // A call that never ends must fail the test, not hang it: once sipp is done, the call has a grace period.
      let finished = false;
      const sippDone = sipp.exited.then(async (result) => {
        await new Promise((resolve) => setTimeout(resolve, 5000).unref());
        if (finished) return new Promise<never>(() => undefined);
        call.abort();
        throw new Error(`the call did not end; sipp exited ${result.code}:\n${result.output}`);
      });
      const [ending] = (await Promise.race([ended, sippDone])) as [UacCallEnding];
      finished = true;
      events.push('ended');
      return { ...record, ending, events, sipp: await sipp.exited } as CallRecord;
    } finally {
      sipp.kill();
    }
  }

  function assertSippPassed(record: CallRecord): void {
    assert.equal(record.sipp.code, 0, `sipp scenario failed:\n${record.sipp.output}`);
  }

  const methods = () => sent.map((request) => request.method);

  it('answered, then the callee hangs up: ANSWERED, hung up by the callee', async () => {
    const record = await dial('answer-callee-hangs-up');
    assert.deepEqual(record.events, ['ringing', 'answered', 'ended']);
    assert.equal(record.answered?.remotePort, 40000);
    assert.equal(record.answered?.codec.name, 'PCMA');
    assert.equal(record.answered?.telephoneEventPayloadType, 101);
    assert.equal(record.ending.result, 'ANSWERED');
    assert.equal(record.ending.statusCode, '200000');
    assert.equal(record.ending.hangupBy, 'callee');
    assert.deepEqual(methods(), ['INVITE', 'ACK']);
    assertSippPassed(record);
  });

  it('answered, then we hang up: BYE from our side, hung up by the robot', async () => {
    const record = await dial('answer-wait-bye', {}, (call) => call.on('answered', () => setTimeout(() => call.hangup(), 200)));
    assert.equal(record.ending.result, 'ANSWERED');
    assert.equal(record.ending.hangupBy, 'robot');
    assert.deepEqual(methods(), ['INVITE', 'ACK', 'BYE']);
    assertSippPassed(record);
  });

  it('the longest call time sends BYE: ANSWERED by max-duration, hung up by the system', async () => {
    const record = await dial('answer-wait-bye', { maxDurationMs: 500 });
    assert.equal(record.ending.result, 'ANSWERED');
    assert.equal(record.ending.key, 'max-duration');
    assert.equal(record.ending.hangupBy, 'system');
    assert.deepEqual(methods(), ['INVITE', 'ACK', 'BYE']);
    assertSippPassed(record);
  });

  it('a hold re-INVITE is answered 200 with the mirrored direction', async () => {
    const record = await dial('answer-hold-wait-bye', {}, (call) => call.on('mediaChanged', () => setTimeout(() => call.hangup(), 200)));
    assert.deepEqual(record.events, ['ringing', 'answered', 'held', 'ended']);
    assert.equal(record.held?.direction, 'sendonly');
    assert.equal(record.ending.hangupBy, 'robot');
    assertSippPassed(record); // sipp checked our 200 carried a=recvonly
  });

  for (const [scenario, status, result, statusCode, rang] of [
    ['reject-486', 486, 'USER_BUSY', '200002', true],
    ['reject-404', 404, 'INVALID_NUMBER', '200004', false],
    ['reject-603', 603, 'CALL_REJECTED', '200111', true],
  ] as const) {
    it(`${status} ends the call as ${result}, with the transaction's own ACK`, async () => {
      const record = await dial(scenario);
      assert.deepEqual(record.events, rang ? ['ringing', 'ended'] : ['ended']);
      assert.equal(record.ending.result, result);
      assert.equal(record.ending.statusCode, statusCode);
      assert.equal(record.ending.sipStatus, status);
      assert.equal(record.ending.hangupBy, 'callee');
      assert.deepEqual(methods(), ['INVITE', 'ACK']);
      assertSippPassed(record);
    });
  }

  it('ringing without answer: ring timeout sends CANCEL, the 487 maps to NO_ANSWER', async () => {
    const record = await dial('ring-no-answer', { ringTimeoutMs: 1000 });
    assert.deepEqual(record.events, ['ringing', 'ended']);
    assert.equal(record.ending.result, 'NO_ANSWER');
    assert.equal(record.ending.statusCode, '200003');
    assert.equal(record.ending.sipStatus, 487);
    assert.equal(record.ending.hangupBy, 'system');
    assert.deepEqual(methods(), ['INVITE', 'CANCEL', 'ACK']);
    assertSippPassed(record);
  });

  it('aborting while it rings cancels the call: CANCEL', async () => {
    const record = await dial('ring-no-answer', {}, (call) => call.on('ringing', () => setTimeout(() => call.abort(), 200)));
    assert.equal(record.ending.result, 'CANCEL');
    assert.equal(record.ending.statusCode, '9996');
    assert.equal(record.ending.hangupBy, 'system');
    assertSippPassed(record);
  });

  it('183 with SDP reports early media, then the 200 answers', async () => {
    const record = await dial('early-media-answer', {}, (call) => call.on('answered', () => setTimeout(() => call.hangup(), 200)));
    assert.deepEqual(record.events, ['ringing', 'earlyMedia', 'answered', 'ended']);
    assert.equal(record.early?.remoteAddress, '127.0.0.1');
    assert.equal(record.early?.remotePort, 40010);
    assert.equal(record.answered?.remotePort, 40000);
    assert.equal(record.ending.result, 'ANSWERED');
    assertSippPassed(record);
  });

  it('a 401 challenge is answered once with Authorization and CSeq+1', async () => {
    const record = await dial('auth-challenge', { credentials: { username: 'waihu', password: 'secret' } }, (call) => call.on('answered', () => setTimeout(() => call.hangup(), 200)));
    assert.equal(record.ending.result, 'ANSWERED');
    assert.deepEqual(methods(), ['INVITE', 'ACK', 'INVITE', 'ACK', 'BYE']);
    const [first, , second] = sent;
    assert.equal(first!.headers.has('Authorization'), false);
    assert.match(second!.headers.get('Authorization') ?? '', /^Digest username="waihu", realm="waihu.test"/);
    const seq = (request: SipRequest) => Number((request.headers.get('CSeq') ?? '').split(' ')[0]);
    assert.equal(seq(second!), seq(first!) + 1);
    assert.equal(second!.headers.get('Call-ID'), first!.headers.get('Call-ID'));
    assertSippPassed(record); // sipp's verifyauth accepted the digest
  });

  it('a second challenge ends the call: OTHERS, no third INVITE', async () => {
    const record = await dial('auth-rejected', { credentials: { username: 'waihu', password: 'wrong' } });
    assert.equal(record.ending.result, 'OTHERS');
    assert.equal(record.ending.sipStatus, 401);
    assert.equal(record.ending.hangupBy, 'system');
    assert.deepEqual(methods(), ['INVITE', 'ACK', 'INVITE', 'ACK']);
    assertSippPassed(record);
  });
});

describe('SIP UAC without a peer', () => {
  it('a trunk that never answers ends the call by timer B as NETWORK_BUSY', async () => {
    const transport = new SipUdpTransport({ bindAddress: '127.0.0.1', bindPort: 0 });
    await transport.start();
    try {
      const call = new UacCall({
        transport, callee: '1', rtp: { address: '127.0.0.1', port: 30000 }, t1Ms: 10,
        trunk: { proxy: { host: '127.0.0.1', port: await freeUdpPort() }, domain: 'example.invalid', fromUser: 'waihu' },
      });
      const ended = once(call, 'ended');
      call.start();
      const [ending] = (await ended) as [UacCallEnding];
      assert.equal(ending.result, 'NETWORK_BUSY');
      assert.equal(ending.key, 'no-response');
      assert.equal(ending.hangupBy, 'system');
    } finally {
      await transport.stop();
    }
  });
});
