/**
 * `telephony: sip` chosen by configuration, end to end: a real waihu server whose carrier is a SIP trunk pointed at a
 * sipp UAS on loopback, a dyvms SingleCallByTts placed through the official client, and the call's stored outcome
 * checked against what sipp did (486 -> USER_BUSY; answered with RTP echo, the template spoken with espeak-ng and the
 * call hung up by us -> ANSWERED). sipp's exit code 0 says every message of its scenario was exchanged as written.
 * Skipped only when sipp or espeak-ng is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { describe, test } from 'node:test';
import type { SingleCallRecord } from '../../src/ports/conversation-store.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { sippAvailable, startSippWith, type SippRun } from '../sipp/run-sipp.js';

const espeakAvailable = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).error === undefined;
const skip = !sippAvailable() ? 'sipp is not on PATH (Debian package sip-tester)' : !espeakAvailable ? 'espeak-ng is not on PATH' : false;

const SHOW = '057100001111';
const CLIENT = 'openapi-core V3';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server whose carrier is the SIP trunk at sipp's port, with SIP and RTP on loopback. */
async function sipServer(sipp: SippRun): Promise<TestServer> {
  const rtpPortMin = 20000 + 2 * randomInt(0, 15000);
  return startTestServer({
    config: {
      telephony: 'sip', sipProxy: `127.0.0.1:${sipp.port}`, sipBind: '127.0.0.1:0', sipUsername: 'waihu-test',
      rtpPortMin, rtpPortMax: rtpPortMin + 200, sipRingTimeoutSeconds: 20,
    },
  });
}

/** Places one SingleCallByTts and waits for its stored ending. */
async function placeCall(server: TestServer, callee: string): Promise<SingleCallRecord> {
  const t = defaultTenant(server);
  await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
  const template = await created(CLIENT, t, 'CreateTtsTemplate', { Name: '通知', Content: '您好，您的订单已发货。', Type: 'NOTIFY' });
  const body = await dyvms(CLIENT, t, 'SingleCallByTts', { CalledNumber: callee, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 });
  const callId = String(body.CallId);
  for (let i = 0; i < 600; i++) {
    const stored = await server.app.store.getSingleCall(t.accountId, callId);
    if (stored?.callResult !== undefined) return stored;
    await sleep(100);
  }
  throw new Error(`call ${callId} has no stored result after 60 s`);
}

/** Runs `scenario` in sipp, places one call to it through a fresh server, and returns the stored call and sipp's verdict. */
async function callThrough(scenario: string, extraArgs: string[] = []) {
  const sipp = await startSippWith(scenario, { timeoutS: 60, extraArgs });
  let server: TestServer | undefined;
  try {
    server = await sipServer(sipp);
    const stored = await placeCall(server, '13800000000');
    const verdict = await Promise.race([sipp.exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref()).then(() => ({ code: null, output: 'sipp did not exit' }))]);
    return { stored, verdict };
  } finally {
    sipp.kill();
    await server?.stop();
  }
}

describe('telephony sip: a dyvms single call through a SIP trunk (sipp)', { skip, timeout: 180_000 }, () => {
  test('486 Busy Here is stored as USER_BUSY, never answered', async () => {
    const { stored, verdict } = await callThrough('reject-486');
    assert.equal(stored.callResult, 'USER_BUSY');
    assert.equal(stored.answerAt, undefined);
    assert.equal(stored.durationSeconds, 0);
    assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
  });

  test('an answered call speaks the template with espeak-ng and is stored as ANSWERED, hung up by us', async () => {
    const { stored, verdict } = await callThrough('answer-rtp-echo-wait-bye', ['-rtp_echo']);
    assert.equal(stored.callResult, 'ANSWERED');
    assert.ok(stored.answerAt !== undefined);
    // The spoken template (about two seconds of espeak-ng audio) is the talk time, and the flow hung up when it ended.
    assert.ok((stored.durationSeconds ?? 0) >= 1, `talked ${stored.durationSeconds} s`);
    assert.equal(stored.hangupDirection, 'robot');
    assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
  });
});
