/**
 * What the end-to-end tests of the `sip` carrier share: whether they can run here (sipp and espeak-ng installed), the
 * configuration of a waihu server whose trunk is a sipp on loopback, and sipp's verdict once the call is over.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { espeakInstalled } from '../support/installed.js';
import { sippAvailable, type SippRun } from '../sipp/run-sipp.js';


/** The `skip` of a describe: a reason when sipp or espeak-ng is missing, else false. */
export const sipSkip = !sippAvailable() ? 'sipp is not on PATH (Debian package sip-tester)' : !espeakInstalled ? 'espeak-ng is not on PATH' : false;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Server settings for a SIP trunk at sipp's port: SIP and RTP on loopback, RTP on a random range so runs do not collide. */
export function sipConfig(sipp: SippRun, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const rtpPortMin = 20000 + 2 * randomInt(0, 15000);
  return { telephony: 'sip', sipProxy: `127.0.0.1:${sipp.port}`, sipBind: '127.0.0.1:0', rtpPortMin, rtpPortMax: rtpPortMin + 200, sipRingTimeoutSeconds: 20, ...extra };
}

/** sipp's exit, waited for up to 15 s: code 0 means every message of its scenario was exchanged as written. */
export function sippVerdict(sipp: SippRun): Promise<{ code: number | null; output: string }> {
  return Promise.race([sipp.exited, sleep(15_000).then(() => ({ code: null, output: 'sipp did not exit' }))]);
}

/** Asserts sipp followed its scenario. */
export async function assertSippFollowed(sipp: SippRun): Promise<void> {
  const verdict = await sippVerdict(sipp);
  assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
}
