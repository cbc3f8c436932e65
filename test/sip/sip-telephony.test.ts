/**
 * The `sip` carrier end to end against sipp as the callee, on loopback: SipTelephony places the call, the flow runs
 * on a SipCallSession with real RTP, and the CallOutcome is checked along with sipp's verdict (exit code 0 = its
 * scenario was followed exactly). Speech is faked (a known tone for the synthesizer, a recorder for the recognizer)
 * so the tests are fast and deterministic. Skipped only when sipp is not installed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blobRecordingArchive, type RecordingArchive } from '../../src/core/recordings/call-recording.js';
import { FsBlobStore } from '../../src/providers/blobs/fs-blob-store.js';
import { CallHungUpError, type CallSession, type Hangup } from '../../src/ports/call-session.js';
import type { SpeechRecognizer, SpeechSynthesizer } from '../../src/ports/speech.js';
import type { CallListener, CallOutcome, DialRequest } from '../../src/ports/telephony.js';
import { PCMU } from '../../src/providers/telephony/sip/media/g711.js';
import { SipTelephony } from '../../src/providers/telephony/sip/call/sip-telephony.js';
import { sippAvailable, startSippWith, type SippRun } from '../sipp/run-sipp.js';
import { stereoChannels } from '../support/stereo-wav.js';

const skip = sippAvailable() ? false : 'sipp is not on PATH (Debian package sip-tester): SIP telephony tests skipped';

/** One second of a 400 Hz tone, starting at its peak so its first sample marks where it begins. */
const TONE = Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.cos((2 * Math.PI * 400 * i) / 8000)));

const toneSynthesizer: SpeechSynthesizer = {
  provider: 'test-tone',
  synthesize: () => Promise.resolve(TONE.slice()),
  voices: () => [{ id: 'tone', name: 'Tone', language: 'en', provider: 'test-tone' }],
};

/** A recognizer that keeps what it was given and answers 'echo'. */
function recordingRecognizer(): SpeechRecognizer & { heard: Int16Array[] } {
  const heard: Int16Array[] = [];
  return { heard, transcribe: (pcm) => { heard.push(pcm); return Promise.resolve({ text: 'echo' }); } };
}

/** What one call did. */
interface CallRecord {
  outcome: CallOutcome;
  events: string[];
  flow?: { value?: unknown; error?: unknown; hangup?: Hangup };
  sipp: { code: number | null; output: string };
}

/** Dials `scenario` with `flow` on the answered call, and waits for the outcome and sipp. */
async function dial(
  scenario: string, flow: (session: CallSession) => Promise<unknown>,
  options: { extraArgs?: string[]; recognizer?: SpeechRecognizer; request?: Partial<DialRequest>; recordings?: RecordingArchive } = {},
): Promise<CallRecord> {
  const sipp: SippRun = await startSippWith(scenario, { timeoutS: 30, ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}) });
  const minPort = 20000 + 2 * randomInt(0, 15000);
  const telephony = new SipTelephony(
    { proxy: { host: '127.0.0.1', port: sipp.port }, fromUser: 'waihu', bind: { address: '127.0.0.1', port: 0 }, rtp: { minPort, maxPort: minPort + 200 }, ringTimeoutMs: 20_000 },
    {
      synthesizer: toneSynthesizer, ...(options.recognizer ? { recognizer: options.recognizer } : {}),
      ...(options.recordings ? { recordings: options.recordings } : {}),
    },
  );
  const events: string[] = [];
  const record: Partial<CallRecord> = { events };
  try {
    const outcome = new Promise<CallOutcome>((resolve) => {
      const listener: CallListener = {
        ringing: () => events.push('ringing'),
        answered: async (session) => {
          events.push('answered');
          const result: NonNullable<CallRecord['flow']> = {};
          record.flow = result;
          void session.hungUp.then((hangup) => (result.hangup = hangup));
          try {
            result.value = await flow(session);
          } catch (error) {
            result.error = error;
            throw error;
          }
        },
        ended: (ending) => {
          events.push('ended');
          resolve(ending);
        },
      };
      void telephony.originate({ attemptId: 'a1', callId: '1^1', accountId: 'acc', caller: '10086', callee: '13800000000', ...options.request }, listener);
    });
    // A call that never ends fails the test instead of hanging it.
    const gaveUp = sipp.exited.then(async (result) => {
      await new Promise((resolve) => setTimeout(resolve, 8000).unref());
      throw new Error(`the call did not end; sipp exited ${result.code}:\n${result.output}`);
    });
    record.outcome = await Promise.race([outcome, gaveUp]);
    await telephony.drain();
    record.sipp = await sipp.exited;
    // Let the hungUp callback run.
    await new Promise((resolve) => setImmediate(resolve));
    return record as CallRecord;
  } finally {
    sipp.kill();
    await telephony.stop();
  }
}

/** The production archive over a blob store in a fresh temporary directory; `keys` lists what it kept. */
function fileArchive(): RecordingArchive & { blobs: FsBlobStore; keys: string[] } {
  const blobs = new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'waihu-recordings-')));
  const archive = blobRecordingArchive(blobs);
  const keys: string[] = [];
  return {
    blobs, keys,
    start: (accountId, callId, at) => {
      const draft = archive.start(accountId, callId, at);
      return { ...draft, keep: async (durationMs) => { const kept = await draft.keep(durationMs); keys.push(kept.key); return kept; } };
    },
  };
}


function assertSippPassed(record: CallRecord): void {
  assert.equal(record.sipp.code, 0, `sipp scenario failed:\n${record.sipp.output}`);
}

describe('SipTelephony against sipp', { skip, timeout: 120_000 }, () => {
  it('a prompt comes back through sipp\'s RTP echo as the same audio', async () => {
    const recognizer = recordingRecognizer();
    const record = await dial('answer-rtp-echo-wait-bye', async (session) => {
      const played = await session.say('hello');
      // The echo is an utterance of the callee, begun while the prompt played (so bargedIn): its audio goes to the recognizer.
      const heard = await session.listen({ timeoutMs: 5000 });
      return { played, heard };
    }, { extraArgs: ['-rtp_echo'], recognizer });
    assert.deepEqual(record.flow?.value, { played: { completed: true }, heard: { text: 'echo', timedOut: false, bargedIn: true } });
    assert.equal(recognizer.heard.length, 1);
    const heard = recognizer.heard[0]!;
    const start = heard.findIndex((sample) => Math.abs(sample) > 1000);
    assert.ok(start >= 0, 'the tone was heard');
    assert.equal(start % 160, 0, 'the tone starts on a frame');
    assert.ok(start >= 160 * 3, 'the capture holds audio from before the speech start');
    const expected = PCMU.decode(PCMU.encode(TONE));
    const got = heard.subarray(start, start + TONE.length);
    assert.equal(got.length, TONE.length, 'all of the tone was captured');
    // Frame by frame, so a rare packet lost on a loaded machine does not fail the test.
    let matchingFrames = 0;
    for (let frame = 0; frame < TONE.length / 160; frame++) {
      let same = true;
      for (let i = frame * 160; i < (frame + 1) * 160; i++) if (Math.abs(got[i]! - expected[i]!) > 8) same = false;
      if (same) matchingFrames++;
    }
    assert.ok(matchingFrames >= 45, `${matchingFrames} of 50 frames came back unchanged`);
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.hangupBy, 'robot');
    assert.ok(record.outcome.answerAt !== undefined && record.outcome.durationMs > 0);
    assertSippPassed(record);
  });

  it('an answered call is recorded in stereo: the prompt on the right, the callee (its echo) on the left', async () => {
    const archive = fileArchive();
    const record = await dial('answer-rtp-echo-wait-bye', async (session) => {
      await session.say('hello');
      await session.listen({ timeoutMs: 3000 });
    }, { extraArgs: ['-rtp_echo'], recordings: archive });
    const recording = record.outcome.recording;
    assert.ok(recording, 'the outcome names the recording');
    assert.match(recording.key, /^recordings\/acc\/\d{4}-\d{2}-\d{2}\/1-1\.wav$/);
    const wav = await archive.blobs.get(recording.key);
    assert.ok(wav, 'the archive holds the file');
    assert.equal(recording.bytes, wav.byteLength);
    const { left, right } = stereoChannels(wav);
    assert.ok(Math.abs(recording.durationMs - (left.length / 8)) < 1, 'durationMs is the length of the audio');
    assert.ok(recording.durationMs >= 1000 && recording.durationMs <= record.outcome.durationMs + 200, `${recording.durationMs} ms of ${record.outcome.durationMs} ms talk`);
    const sentAt = right.findIndex((sample) => Math.abs(sample) > 1000);
    const heardAt = left.findIndex((sample) => Math.abs(sample) > 1000);
    assert.ok(sentAt >= 0 && heardAt >= 0, 'both legs hold the tone');
    // The echo comes back one loopback round trip and a jitter-buffer depth later: well under 300 ms.
    assert.ok(heardAt > sentAt && heardAt - sentAt < 8 * 300, `echo ${((heardAt - sentAt) / 8).toFixed(0)} ms after the prompt`);
    const expected = PCMU.decode(PCMU.encode(TONE));
    let matching = 0;
    for (let i = 0; i < TONE.length; i++) if (Math.abs(right[sentAt + i]! - TONE[i]!) <= 1 && Math.abs(left[heardAt + i]! - expected[i]!) <= 8) matching++;
    assert.ok(matching >= TONE.length * 0.9, `${matching} of ${TONE.length} samples of both legs match the prompt`);
    assertSippPassed(record);
  });

  it('a dial with record: false leaves no recording', async () => {
    const archive = fileArchive();
    const record = await dial('answer-rtp-echo-wait-bye', (session) => session.say('hello'), { extraArgs: ['-rtp_echo'], recordings: archive, request: { record: false } });
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.recording, undefined);
    assert.deepEqual(archive.keys, []);
    assertSippPassed(record);
  });

  it('486 Busy Here ends the dial as USER_BUSY without an answer', async () => {
    const record = await dial('reject-486', () => Promise.reject(new Error('never answered')));
    assert.deepEqual(record.events, ['ringing', 'ended']);
    assert.equal(record.outcome.result, 'USER_BUSY');
    assert.equal(record.outcome.statusCode, '200002');
    assert.equal(record.outcome.hangupBy, 'callee');
    assert.equal(record.outcome.durationMs, 0);
    assert.ok(record.outcome.ringAt !== undefined);
    assert.equal(record.outcome.answerAt, undefined);
    assert.match(record.outcome.failureReason ?? '', /486/);
    assertSippPassed(record);
  });

  it('the callee hangs up first: the waiting flow unwinds, hung up by the callee', async () => {
    const record = await dial('answer-callee-hangs-up', (session) => session.listen({ timeoutMs: 20_000 }));
    assert.deepEqual(record.events, ['ringing', 'answered', 'ended']);
    assert.ok(record.flow?.error instanceof CallHungUpError);
    assert.equal(record.flow?.hangup?.by, 'callee');
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.hangupBy, 'callee');
    assert.equal(record.outcome.failureReason, undefined);
    assert.ok(record.outcome.durationMs >= 500);
    assertSippPassed(record);
  });

  it('a key pressed as RFC 2833 events is collected', async () => {
    const record = await dial('answer-dtmf-1-wait-bye', (session) => session.collectDtmf({ maxDigits: 1, timeoutMs: 10_000 }));
    assert.deepEqual(record.flow?.value, { digits: '1', timedOut: false });
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.hangupBy, 'robot');
    assertSippPassed(record);
  });

  it('a key ends a listen', async () => {
    const record = await dial('answer-dtmf-1-wait-bye', (session) => session.listen({ timeoutMs: 10_000 }));
    assert.deepEqual(record.flow?.value, { dtmf: '1', timedOut: false });
    assert.equal(record.outcome.hangupBy, 'robot');
    assertSippPassed(record);
  });

  it('a transfer is a REFER: once the target answers, the call is left (BYE) and reported transferred', async () => {
    const record = await dial('answer-refer-accept', async (session) => {
      await session.transfer('10010');
      return session.isHungUp;
    });
    assert.equal(record.flow?.value, true, 'the session is over once the transfer is done');
    assert.equal(record.outcome.transferredTo, '10010');
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.hangupBy, 'robot');
    assertSippPassed(record);
  });

  it('a refused transfer rejects with the reason and the call goes on', async () => {
    const record = await dial('answer-refer-reject', async (session) => {
      await assert.rejects(session.transfer('10010'), /transfer to 10010 failed: the far end refused the transfer \(603/);
      await assert.rejects(session.transfer('agent desk'), /not a phone number/);
      return session.isHungUp;
    });
    assert.equal(record.flow?.value, false);
    assert.equal(record.outcome.transferredTo, undefined);
    assert.equal(record.outcome.hangupBy, 'robot');
    assertSippPassed(record);
  });

  it('the session timeout cuts an answered call with BYE, hung up by the system', async () => {
    const record = await dial('answer-wait-bye', (session) => session.listen({ timeoutMs: 20_000 }), { request: { sessionTimeoutMs: 800 } });
    assert.ok(record.flow?.error instanceof CallHungUpError);
    assert.equal(record.outcome.result, 'ANSWERED');
    assert.equal(record.outcome.hangupBy, 'system');
    assert.ok(record.outcome.durationMs >= 700);
    assertSippPassed(record);
  });

  it('aborting while it rings cancels the dial: CANCEL', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const record = await dial('ring-no-answer', () => Promise.resolve(), { request: { signal: controller.signal } });
    assert.deepEqual(record.events, ['ringing', 'ended']);
    assert.equal(record.outcome.result, 'CANCEL');
    assert.equal(record.outcome.hangupBy, 'system');
    assertSippPassed(record);
  });
});
