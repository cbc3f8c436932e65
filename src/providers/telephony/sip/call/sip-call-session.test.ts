import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallHungUpError, type HangupBy } from '../../../../ports/call-session.js';
import type { SpeechRecognizer, SpeechSynthesizer } from '../../../../ports/speech.js';
import type { PlayResult } from '../rtp/prompt-queue.js';
import { SipCallSession, type SessionMedia } from './sip-call-session.js';

const LOUD = new Int16Array(160).fill(8000);
const QUIET = new Int16Array(160);

/** Media whose prompts play until the test finishes them or the session stops them. */
class FakeMedia implements SessionMedia {
  played: Int16Array[] = [];
  private finish: ((result: PlayResult) => void) | undefined;
  get playing(): boolean {
    return this.finish !== undefined;
  }
  play(pcm: Int16Array): Promise<PlayResult> {
    this.played.push(pcm);
    return new Promise((resolve) => (this.finish = resolve));
  }
  stop(): void {
    this.end(false);
  }
  end(completed = true): void {
    const finish = this.finish;
    this.finish = undefined;
    finish?.({ completed });
  }
}

const synthesizer: SpeechSynthesizer = {
  provider: 'fake',
  synthesize: (text) => Promise.resolve(new Int16Array(text.length * 160).fill(1000)),
  voices: () => [],
};

function session(options: { recognizer?: SpeechRecognizer; mediaLoader?: (id: string) => Promise<Int16Array> } = {}) {
  const media = new FakeMedia();
  const hangups: HangupBy[] = [];
  const s = new SipCallSession({
    callId: '1^1', variables: { name: 'x' }, media, synthesizer, hangupCall: (by) => hangups.push(by),
    vad: { pauseMs: 200, bargeInMs: 100 }, ...options,
  });
  const hear = (frame: Int16Array, count: number) => { for (let i = 0; i < count; i++) s.hearAudio(frame); };
  return { s, media, hangups, hear };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SipCallSession', () => {
  it('says a prompt to its end', async () => {
    const { s, media } = session();
    const said = s.say('hi');
    await tick();
    assert.equal(media.played[0]?.length, 320);
    media.end();
    assert.deepEqual(await said, { completed: true });
  });

  it('a key press cuts a prompt that allows barge-in, and is kept for the next collect', async () => {
    const { s, media } = session();
    const said = s.say('hello', { bargeIn: true });
    await tick();
    s.hearDtmf('5');
    assert.deepEqual(await said, { completed: false });
    assert.equal(media.playing, false);
    assert.deepEqual(await s.collectDtmf({ maxDigits: 1, timeoutMs: 1000 }), { digits: '5', timedOut: false });
  });

  it('speech over a prompt cuts it only when barge-in is allowed', async () => {
    const { s, media, hear } = session();
    const said = s.say('hello', { bargeIn: true });
    await tick();
    hear(QUIET, 10);
    hear(LOUD, 10);
    assert.deepEqual(await said, { completed: false });
    const plain = s.say('again');
    await tick();
    hear(LOUD, 10);
    assert.equal(media.playing, true);
    media.end();
    assert.deepEqual(await plain, { completed: true });
  });

  it('listen hands the utterance, with its pre-roll, to the recognizer', async () => {
    const heard: Int16Array[] = [];
    const { s, hear } = session({ recognizer: { transcribe: (pcm) => { heard.push(pcm); return Promise.resolve({ text: 'yes' }); } } });
    const listening = s.listen({ timeoutMs: 5000 });
    hear(QUIET, 30);
    hear(LOUD, 20);
    hear(QUIET, 15);
    assert.deepEqual(await listening, { text: 'yes', timedOut: false });
    const pcm = heard[0]!;
    assert.equal(pcm.indexOf(8000), 15 * 160, '300 ms of pre-roll before the speech');
    assert.equal(pcm.filter((sample) => sample === 8000).length, 20 * 160);
  });

  it('without a recognizer speech is reported as empty text; silence times out; keys end a listen', async () => {
    const { s, hear } = session();
    const listening = s.listen({ timeoutMs: 5000 });
    hear(LOUD, 10);
    hear(QUIET, 15);
    assert.deepEqual(await listening, { text: '', timedOut: false });
    assert.deepEqual(await s.listen({ timeoutMs: 30 }), { timedOut: true });
    const keyed = s.listen({ timeoutMs: 5000 });
    s.hearDtmf('9');
    assert.deepEqual(await keyed, { dtmf: '9', timedOut: false });
  });

  it('endOfSpeechMs (PauseTime) sets how much quiet ends an utterance: a pause shorter than it does not', async () => {
    const { s, hear } = session();
    let settled = false;
    const listening = s.listen({ timeoutMs: 5000, endOfSpeechMs: 600 }).then((result) => {
      settled = true;
      return result;
    });
    hear(LOUD, 10);
    hear(QUIET, 15); // 300 ms: under the 600 ms asked for, though over the session's 200 ms default
    await tick();
    assert.equal(settled, false, 'a 300 ms pause does not end the answer');
    hear(LOUD, 10);
    hear(QUIET, 31);
    assert.deepEqual(await listening, { text: '', timedOut: false });
  });

  it('collects keys up to a terminator, and times out between keys', async () => {
    const { s } = session();
    const collecting = s.collectDtmf({ maxDigits: 6, timeoutMs: 5000, terminator: '#' });
    for (const key of '12#3') s.hearDtmf(key);
    assert.deepEqual(await collecting, { digits: '12', timedOut: false });
    const rest = s.collectDtmf({ maxDigits: 4, timeoutMs: 50 });
    assert.deepEqual(await rest, { digits: '3', timedOut: true });
  });

  it('play uses the media loader, or plays durationMs of silence', async () => {
    const { s, media } = session({ mediaLoader: (id) => Promise.resolve(new Int16Array(id === 'a' ? 800 : 0)) });
    const played = s.play('a');
    await tick();
    media.end();
    assert.deepEqual(await played, { completed: true });
    assert.equal(media.played[0]?.length, 800);
    const plain = session();
    const silent = plain.s.play('x', { durationMs: 500 });
    await tick();
    assert.equal(plain.media.played[0]?.length, 4000);
    plain.media.end();
    await silent;
  });

  it('hangup ends the session at once: waits reject, hungUp settles, the call is asked to end once', async () => {
    const { s, hangups } = session();
    const listening = s.listen({ timeoutMs: 5000 });
    await s.hangup();
    await s.hangup();
    await assert.rejects(listening, CallHungUpError);
    assert.equal(s.isHungUp, true);
    assert.equal((await s.hungUp).by, 'robot');
    assert.deepEqual(hangups, ['robot']);
    await assert.rejects(s.say('late'), CallHungUpError);
  });

  it('the far end hanging up rejects a prompt in progress; transfer is refused', async () => {
    const { s, media } = session();
    await assert.rejects(s.transfer('10010'), /has no transfer/);
    const said = s.say('hello');
    await tick();
    s.end({ by: 'callee', at: 1 });
    assert.equal(media.playing, false);
    await assert.rejects(said, (error: unknown) => error instanceof CallHungUpError && error.hangup.by === 'callee');
  });
});
