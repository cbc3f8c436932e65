// The media bench (issue 6): BENCH_MEDIA_CALLS (default 500) concurrent G.711 calls placed by the SipTelephony of
// dist/ in this process, answered by sipp on loopback in processes of their own, with RTP both ways: every call plays
// a long tone and sipp's -rtp_echo sends each packet straight back. Calls are placed at BENCH_MEDIA_RATE per second
// (default 50), all of them are then held up for BENCH_MEDIA_SECONDS (default 20) of measurement, then hung up.
// Measured over that window, each next to a reference taken in the same process in the same run:
// - send-interval jitter of the shared 20 ms MediaClock (its stats(), reset when the window opens); references, each
//   for BENCH_MEDIA_IDLE_SECONDS (default the window's length) before the calls: the same clock ticking with no call
//   ("idle"), and plain UDP sockets sending the same packets to the same sipps with no waihu code ("bare");
// - packets per call: sent against the window's 20 ms slots, echoed back, and what waihu dropped (send slots the
//   clock skipped, socket send errors, jitter-buffer overflows, datagrams the kernel dropped on waihu's RTP sockets
//   because they were not read in time);
// - CPU of this process against the same two references (sipp's CPU is its own and printed apart; both share the
//   machine's cores), and RSS.
// BENCH_MEDIA_SIPP (default: one sipp per 250 calls) spreads the calls over that many sipp processes, each with its
// own SIP and echo port, each reached through its own SipTelephony sharing the one MediaClock. BENCH_MEDIA_PROFILE=1
// writes a CPU profile of the window to bench/results/profiles/. Every answered call is recorded as production does
// (both legs, stereo WAV streamed to a blob store in a temporary directory, removed afterwards); BENCH_MEDIA_RECORD=0
// measures without recording.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MediaClock, systemMediaTimers } from '../../dist/providers/telephony/sip/media/media-clock.js';
import { SipTelephony } from '../../dist/providers/telephony/sip/call/sip-telephony.js';
import { blobRecordingArchive } from '../../dist/core/recordings/call-recording.js';
import { FsBlobStore } from '../../dist/providers/blobs/fs-blob-store.js';
import { machineBusyPercent, machineCpuTicks } from '../lib/machine.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO = path.join(here, 'uas-rtp-echo.xml');
export const TARGET_CALLS = 500;
export const TARGET_JITTER_P99_MS = 2;
const TICK_MS = 20;
const SAMPLE_RATE = 8000;
/** Seconds after the last answer before the window opens: every jitter buffer has filled and the ramp's work is over. */
const SETTLE_SECONDS = 2;
/** Kernel clock ticks per second, the unit of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free UDP port on 127.0.0.1 (bound, read, released). */
async function freeUdpPort() {
  const socket = createSocket('udp4');
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise((resolve) => socket.close(resolve));
  return port;
}

/** One sipp UAS with RTP echo, answering any number of calls until killed. */
async function startSipp() {
  const sipPort = await freeUdpPort();
  const mediaPort = await freeUdpPort();
  const args = ['-sf', SCENARIO, '-i', '127.0.0.1', '-p', String(sipPort), '-t', 'u1', '-mp', String(mediaPort), '-rtp_echo',
    '-nostdin', '-l', '100000', '-buff_size', String(4 * 1024 * 1024)];
  const child = spawn('sipp', args, { cwd: tmpdir(), stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors = (errors + chunk.toString()).slice(-2000); });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => { gone = true; });
  await sleep(300);
  if (gone) throw new Error(`sipp exited at start: ${errors}`);
  return {
    sipPort, mediaPort, pid: child.pid, errors: () => errors,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!gone) child.kill('SIGKILL'); }, 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds a process has used so far, from /proc/<pid>/stat. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return NaN;
  }
}

/** Datagrams the kernel dropped on the UDP sockets bound to `ports` (the receive queue was full), from /proc/net/udp. */
function kernelDrops(ports) {
  let drops = 0;
  try {
    for (const line of readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 13) continue;
      const port = parseInt(fields[1].split(':')[1], 16);
      if (ports(port)) drops += Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return drops;
}

/** A tone long enough for the whole run, the same samples for every call (the synthesizer's answer is only read). */
function toneSynthesizer(seconds, amplitude) {
  const pcm = Int16Array.from({ length: Math.ceil(seconds * SAMPLE_RATE) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE)));
  return {
    provider: 'bench-tone',
    synthesize: () => Promise.resolve(pcm),
    voices: () => [{ id: 'tone', name: 'Tone', language: 'en', provider: 'bench-tone' }],
  };
}

/** The call's packet counters, through the session's mediaStats(). */
function streamOf(session) {
  return { stats: () => session.mediaStats() };
}

/**
 * The production archive over a blob store in a temporary directory: every call's WAV is streamed to disk second by
 * second as in production. Reports each file's size.
 */
function diskArchive(root, files) {
  const archive = blobRecordingArchive(new FsBlobStore(root));
  return {
    start: (accountId, callId, at) => {
      const draft = archive.start(accountId, callId, at);
      return {
        ...draft,
        keep: async (durationMs) => {
          const kept = await draft.keep(durationMs);
          files.push(kept.bytes);
          return kept;
        },
      };
    },
  };
}

const COUNTERS = ['sent', 'sendErrors', 'received', 'played', 'lost', 'late', 'duplicate', 'overflow', 'resyncs', 'ignored'];

/** The counters of every stream, summed, and each stream's own. */
function streamCounters(calls) {
  const total = Object.fromEntries(COUNTERS.map((key) => [key, 0]));
  const each = new Map();
  for (const call of calls) {
    if (!call.stream) continue;
    const stats = call.stream.stats();
    each.set(call, stats);
    for (const key of COUNTERS) total[key] += stats[key] ?? 0;
  }
  return { total, each };
}

/** What the process, the sipps and the machine have used so far. */
function usage(sipps) {
  const cpu = process.cpuUsage();
  return {
    at: performance.now(), cpuMicros: cpu.user + cpu.system, machine: machineCpuTicks(),
    sippCpuSeconds: sipps.reduce((sum, sipp) => sum + processCpuSeconds(sipp.pid), 0),
  };
}

function usageBetween(before, after) {
  const seconds = (after.at - before.at) / 1000;
  return {
    seconds,
    cpuMicros: after.cpuMicros - before.cpuMicros,
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1e6 / seconds) * 100,
    sippCpuPercent: ((after.sippCpuSeconds - before.sippCpuSeconds) / seconds) * 100,
    machineBusyPercent: machineBusyPercent(before.machine, after.machine),
  };
}

/** Starts a CPU profile of this process when asked to; returns the function that stops it and writes the file. */
async function startProfile(dir) {
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `media-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

/** The reference: the same clock ticking with one empty callback and no call, for `seconds`. */
async function idleReference(clock, sipps, seconds) {
  const unregister = clock.register(() => {});
  await sleep(1000);
  clock.resetStats();
  const before = usage(sipps);
  await sleep(seconds * 1000);
  const after = usage(sipps);
  const jitter = clock.stats();
  unregister();
  return { jitter, ...usageBetween(before, after), rssBytes: process.memoryUsage().rss };
}

/**
 * The second reference: what sending and receiving the same packets costs a bare node process. `n` plain UDP sockets,
 * each sending one 172-byte datagram (an RTP header and 160 bytes of G.711) per tick of a MediaClock of its own to the
 * sipps' echo ports and counting what comes back, with no call, codec, jitter buffer or session behind them.
 */
async function bareReference(sipps, n, seconds) {
  const sockets = [];
  let received = 0;
  let sendErrors = 0;
  const afterSend = (error) => { if (error) sendErrors++; };
  for (let i = 0; i < n; i++) {
    const socket = createSocket('udp4');
    await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
    socket.on('message', () => { received++; });
    sockets.push(socket);
  }
  const packet = Buffer.alloc(172, 0xff);
  packet[0] = 0x80;
  packet[1] = 0;
  const clock = new MediaClock({ timers: systemMediaTimers });
  let sent = 0;
  const unregister = clock.register(() => {
    for (let i = 0; i < n; i++) sockets[i].send(packet, sipps[i % sipps.length].mediaPort, '127.0.0.1', afterSend);
    sent += n;
  });
  try {
    await sleep(1000);
    clock.resetStats();
    const sentBefore = sent;
    const receivedBefore = received;
    const before = usage(sipps);
    await sleep(seconds * 1000);
    const after = usage(sipps);
    return { jitter: clock.stats(), ...usageBetween(before, after), sent: sent - sentBefore, received: received - receivedBefore, sendErrors };
  } finally {
    unregister();
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.close(resolve))));
  }
}

/** Runs the bench and returns its figures. */
export async function runMediaBench(options) {
  const { calls: n, seconds, idleSeconds, rate } = options;
  const sippCount = options.sippProcesses ?? Math.max(1, Math.ceil(n / 250));
  const rtpBase = options.rtpBasePort ?? 20000;
  const sipps = [];
  const telephonies = [];
  /** Sizes of the recordings made (both legs of every call, as production records them). */
  const recordedFiles = [];
  const recordingRoot = options.record === false ? undefined : mkdtempSync(path.join(tmpdir(), 'waihu-bench-recordings-'));
  let releaseCalls = () => {};
  try {
    for (let i = 0; i < sippCount; i++) sipps.push(await startSipp());
    const clock = new MediaClock({ timers: systemMediaTimers });
    const promptSeconds = n / rate + SETTLE_SECONDS + seconds + 30;
    const synthesizer = toneSynthesizer(promptSeconds, options.toneAmplitude ?? 6000);
    // Each sipp gets its own carrier and RTP range; the ranges hold twice the calls so round-robin never waits on a port.
    const perSipp = Math.ceil(n / sippCount);
    const rtpRanges = sipps.map((_, i) => ({ minPort: rtpBase + i * 4 * (perSipp + 10), maxPort: rtpBase + i * 4 * (perSipp + 10) + 4 * perSipp + 38 }));
    const rtpPort = (port) => rtpRanges.some((range) => port >= range.minPort && port <= range.maxPort);
    const sippMediaPort = (port) => sipps.some((sipp) => sipp.mediaPort === port);
    const sippSipPort = (port) => sipps.some((sipp) => sipp.sipPort === port);
    const waihuSipPorts = [];
    const waihuSipPort = (port) => waihuSipPorts.includes(port);
    for (const [i, sipp] of sipps.entries()) {
      waihuSipPorts.push(await freeUdpPort());
      const telephony = new SipTelephony(
        { proxy: { host: '127.0.0.1', port: sipp.sipPort }, fromUser: 'waihu', bind: { address: '127.0.0.1', port: waihuSipPorts[i] }, rtp: rtpRanges[i], ringTimeoutMs: 30_000 },
        { synthesizer, clock, ...(recordingRoot ? { recordings: diskArchive(recordingRoot, recordedFiles) } : {}) },
      );
      await telephony.start();
      telephonies.push(telephony);
    }

    const idle = await idleReference(clock, sipps, idleSeconds);
    const bare = await bareReference(sipps, n, idleSeconds);
    const sipDropsBefore = { waihu: kernelDrops(waihuSipPort), sipp: kernelDrops(sippSipPort) };

    // Place the calls, ramped.
    const hold = new Promise((resolve) => (releaseCalls = resolve));
    const calls = [];
    let answered = 0;
    let ended = 0;
    let failedToPlace = 0;
    const rampStarted = performance.now();
    for (let i = 0; i < n; i++) {
      const due = rampStarted + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const call = { stream: undefined, outcome: undefined, answeredAt: undefined };
      calls.push(call);
      const listener = {
        ringing() {},
        answered: async (session) => {
          call.stream = streamOf(session);
          call.answeredAt = performance.now();
          answered++;
          void session.say('the bench prompt').catch(() => {});
          await hold;
        },
        ended: (outcome) => {
          call.outcome = outcome;
          call.endedAt = performance.now();
          ended++;
        },
      };
      telephonies[i % telephonies.length]
        .originate({ attemptId: `a${i}`, callId: `6^${i}`, accountId: 'bench', caller: '057100000000', callee: `1380000${String(i).padStart(4, '0')}`, variables: {} }, listener)
        .catch(() => { failedToPlace++; });
    }
    const rampSeconds = (performance.now() - rampStarted) / 1000;
    const answerDeadline = performance.now() + 30_000;
    while (answered + ended + failedToPlace < n && performance.now() < answerDeadline) await sleep(50);
    await sleep(SETTLE_SECONDS * 1000);

    // The window: every call that is up stays up through it.
    const upAtStart = calls.filter((call) => call.answeredAt !== undefined && !call.outcome);
    const rssBeforeWindow = process.memoryUsage().rss;
    let rssPeak = rssBeforeWindow;
    const rssSampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage().rss); }, 250);
    const stopProfile = await startProfile(options.profileDir);
    const dropsBefore = { waihu: kernelDrops(rtpPort), sipp: kernelDrops(sippMediaPort) };
    clock.resetStats();
    const countersBefore = streamCounters(upAtStart);
    const before = usage(sipps);
    await sleep(seconds * 1000);
    const after = usage(sipps);
    const countersAfter = streamCounters(upAtStart);
    const jitter = clock.stats();
    const dropsAfter = { waihu: kernelDrops(rtpPort), sipp: kernelDrops(sippMediaPort) };
    const profileFile = await stopProfile();
    clearInterval(rssSampler);
    const upAtEnd = upAtStart.filter((call) => !call.outcome).length;
    const window = usageBetween(before, after);

    // Hang up and wait for every call's end.
    // A BYE whose answer is lost ends the call only when its transaction times out (64 x T1 = 32 s): wait past that.
    const releasedAt = performance.now();
    releaseCalls();
    const drainDeadline = releasedAt + 40_000;
    while (ended + failedToPlace < n && performance.now() < drainDeadline) await sleep(50);
    const hangupSeconds = upAtStart.map((call) => ((call.endedAt ?? Infinity) - releasedAt) / 1000);
    const sipDrops = { waihu: kernelDrops(waihuSipPort) - sipDropsBefore.waihu, sipp: kernelDrops(sippSipPort) - sipDropsBefore.sipp };

    const delta = Object.fromEntries(COUNTERS.map((key) => [key, countersAfter.total[key] - countersBefore.total[key]]));
    const measured = upAtStart.filter((call) => call.stream).length;
    let fewestSent = Infinity;
    for (const [call, stats] of countersAfter.each) fewestSent = Math.min(fewestSent, stats.sent - (countersBefore.each.get(call)?.sent ?? 0));
    const expectedPerCall = (window.seconds * 1000) / TICK_MS;
    const outcomes = {};
    for (const call of calls) if (call.outcome) outcomes[`${call.outcome.result}/${call.outcome.hangupBy}`] = (outcomes[`${call.outcome.result}/${call.outcome.hangupBy}`] ?? 0) + 1;
    const kernelDropsWaihu = dropsAfter.waihu - dropsBefore.waihu;
    const skippedSlots = jitter.skippedTicks * upAtStart.length;
    return {
      calls: n, rate, seconds, idleSeconds, sippProcesses: sippCount, rampSeconds,
      answered, failedToPlace, upAtStart: upAtStart.length, upAtEnd, measuredStreams: measured, outcomes,
      hangup: {
        notEnded: hangupSeconds.filter((x) => x === Infinity).length,
        slowerThan5s: hangupSeconds.filter((x) => x > 5).length,
        lastSeconds: Math.max(0, ...hangupSeconds.filter((x) => x !== Infinity)),
        kernelDropsWaihuSip: sipDrops.waihu, kernelDropsSippSip: sipDrops.sipp,
      },
      jitter, idleJitter: idle.jitter,
      bare: {
        jitter: bare.jitter, sentPerSocket: bare.sent / n, receivedPerSocket: bare.received / n, sendErrors: bare.sendErrors,
        cpuPercent: bare.cpuPercent, microsPerSocketTick: bare.cpuMicros / (bare.seconds * 1000 / TICK_MS) / n,
        sippPercent: bare.sippCpuPercent, machineBusyPercent: bare.machineBusyPercent,
      },
      packets: {
        expectedPerCall,
        sentPerCall: delta.sent / measured,
        fewestSentByOneCall: Number.isFinite(fewestSent) ? fewestSent : 0,
        receivedPerCall: delta.received / measured,
        ...delta,
        skippedSlots,
        kernelDropsWaihu,
        kernelDropsSipp: dropsAfter.sipp - dropsBefore.sipp,
        droppedByWaihu: skippedSlots + delta.sendErrors + delta.overflow + kernelDropsWaihu,
      },
      cpu: {
        windowSeconds: window.seconds,
        percent: window.cpuPercent,
        percentPerCall: window.cpuPercent / upAtStart.length,
        microsPerCallTick: window.cpuMicros / (window.seconds * 1000 / TICK_MS) / upAtStart.length,
        mediaMicrosPerCallTick: (jitter.busyMs * 1000) / Math.max(1, jitter.ticks) / upAtStart.length,
        idlePercent: idle.cpuPercent,
        idleMicrosPerTick: idle.cpuMicros / (idle.seconds * 1000 / TICK_MS),
        sippPercent: window.sippCpuPercent,
        idleSippPercent: idle.sippCpuPercent,
        machineBusyPercent: window.machineBusyPercent,
        idleMachineBusyPercent: idle.machineBusyPercent,
      },
      memory: { rssPeakBytes: rssPeak, rssIdleBytes: idle.rssBytes, rssBeforeWindowBytes: rssBeforeWindow },
      recording: { on: options.record !== false, files: recordedFiles.length, bytes: recordedFiles.reduce((sum, size) => sum + size, 0) },
      profileFile,
      sippErrors: sipps.map((sipp) => sipp.errors()).filter(Boolean),
    };
  } finally {
    releaseCalls();
    await Promise.all(telephonies.map((telephony) => Promise.race([telephony.drain(), sleep(10_000)])));
    await Promise.all(telephonies.map((telephony) => telephony.stop()));
    await Promise.all(sipps.map((sipp) => sipp.stop()));
    if (recordingRoot) rmSync(recordingRoot, { recursive: true, force: true });
  }
}

/** The report lines. */
export function formatMedia(r) {
  const ms = (x) => x.toFixed(2);
  const pct = (x) => `${x.toFixed(1)} %`;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const times = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');
  const jit = (j) => `${ms(j.intervalDeviationP50Ms)} / ${ms(j.intervalDeviationP99Ms)} / ${ms(j.intervalDeviationMaxMs)} ms`;
  const { jitter, idleJitter, bare, packets: p, cpu } = r;
  const calls = r.upAtStart;
  // Machine ticks (1/100 s) and process times are read at slightly different instants: a small negative rest is 0.
  const other = (busy, ...own) => Math.max(0, busy - own.reduce((sum, x) => sum + x, 0));
  const otherInWindow = other(cpu.machineBusyPercent, cpu.percent, cpu.sippPercent);
  const perCallKiB = Math.round((r.memory.rssPeakBytes - r.memory.rssIdleBytes) / Math.max(1, calls) / 1024);
  const held = r.upAtEnd === r.calls && r.calls >= TARGET_CALLS;
  const outcomes = Object.entries(r.outcomes).map(([k, v]) => `${v} ${k}`).join(', ');
  return [
    `media: ${r.calls} G.711 (PCMU) calls against ${r.sippProcesses} sipp process(es) on loopback, RTP both ways (sipp -rtp_echo),`,
    `  placed at ${r.rate}/s (ramp ${r.rampSeconds.toFixed(1)} s), then ${cpu.windowSeconds.toFixed(1)} s measured with every call up`,
    `  references, ${r.idleSeconds} s each in the same process before the calls: "idle" = the same clock ticking with 0 calls;`,
    `  "bare" = ${r.calls} plain UDP sockets sending the same packets to the same sipps on a clock of their own (no waihu code)`,
    `calls: answered ${r.answered}, failed to place ${r.failedToPlace}; up through the whole window: ${r.upAtEnd} of ${r.upAtStart}; ended: ${outcomes || 'none'}`,
    `  hang-up, all at once: last call ended after ${r.hangup.lastSeconds.toFixed(1)} s; ${r.hangup.slowerThan5s} took over 5 s, ${r.hangup.notEnded} never ended;` +
      ` datagrams the kernel dropped on the SIP sockets: waihu's ${r.hangup.kernelDropsWaihuSip}, sipp's ${r.hangup.kernelDropsSippSip}`,
    `send-interval jitter p50 / p99 / max: ${jit(jitter)}   idle: ${jit(idleJitter)} (p99 ${times(jitter.intervalDeviationP99Ms, idleJitter.intervalDeviationP99Ms)})` +
      `   bare: ${jit(bare.jitter)} (p99 ${times(jitter.intervalDeviationP99Ms, bare.jitter.intervalDeviationP99Ms)})`,
    `  clock: ${jitter.ticks} ticks, ${jitter.skippedTicks} skipped, ${jitter.errors} callback errors (idle: ${idleJitter.ticks} ticks, ${idleJitter.skippedTicks} skipped)`,
    `packets per call: sent ${p.sentPerCall.toFixed(1)} for ${p.expectedPerCall.toFixed(1)} 20 ms slots (${pct((p.sentPerCall / p.expectedPerCall) * 100)}; fewest by one call ${p.fewestSentByOneCall}),` +
      ` echoed back ${p.receivedPerCall.toFixed(1)} (${pct((p.received / Math.max(1, p.sent)) * 100)} of sent); bare: sent ${bare.sentPerSocket.toFixed(1)}, back ${bare.receivedPerSocket.toFixed(1)}`,
    `  all calls: sent ${p.sent}, received ${p.received}, played ${p.played}; lost ${p.lost}, late ${p.late}, duplicate ${p.duplicate}, ignored ${p.ignored}; kernel drops at sipp's echo ports ${p.kernelDropsSipp}`,
    `  dropped by waihu: ${p.droppedByWaihu} (send slots skipped ${p.skippedSlots}, send errors ${p.sendErrors}, jitter-buffer overflows ${p.overflow}, kernel drops at waihu's RTP ports ${p.kernelDropsWaihu})`,
    `CPU of the waihu process: ${pct(cpu.percent)} of a core = ${cpu.percentPerCall.toFixed(3)} % of a core per call = ${cpu.microsPerCallTick.toFixed(1)} µs per call per 20 ms tick` +
      ` (inside the clock's tick: ${cpu.mediaMicrosPerCallTick.toFixed(1)} µs)`,
    `  idle: ${pct(cpu.idlePercent)} of a core; bare: ${pct(bare.cpuPercent)} = ${bare.microsPerSocketTick.toFixed(1)} µs per socket per tick (waihu ${times(cpu.microsPerCallTick, bare.microsPerSocketTick)} bare)`,
    `  same ${cpus().length} cores, % of one core: sipp ${pct(cpu.sippPercent)} (idle ${pct(cpu.idleSippPercent)}, bare ${pct(bare.sippPercent)});` +
      ` other processes ${pct(otherInWindow)} (idle ${pct(other(cpu.idleMachineBusyPercent, cpu.idlePercent, cpu.idleSippPercent))}, bare ${pct(other(bare.machineBusyPercent, bare.cpuPercent, bare.sippPercent))})`,
    ...(otherInWindow >= 50 ? [`  note: other processes used ${pct(otherInWindow)} of a core during the window; jitter figures are then pessimistic, rerun on a quiet machine`] : []),
    r.recording.on
      ? `recording: on, to disk as in production (both legs of every call; BENCH_MEDIA_RECORD=0 turns it off): ${r.recording.files} files, ${mib(r.recording.bytes)} written`
      : 'recording: off (BENCH_MEDIA_RECORD=0)',
    `RSS: ${mib(r.memory.rssPeakBytes)} peak with the calls up, ${mib(r.memory.rssIdleBytes)} idle: ${perCallKiB >= 0 ? '+' : ''}${perCallKiB} KiB per call`,
    ...(r.profileFile ? [`CPU profile of the window: ${path.relative(process.cwd(), r.profileFile)}`] : []),
    ...(r.measuredStreams < calls ? [`!!! packet counters read on ${r.measuredStreams} of ${calls} calls only (the session's stream was not reachable)`] : []),
    ...r.sippErrors.map((text) => `sipp said: ${text.trim().split('\n').slice(-3).join(' | ')}`),
    `target ${TARGET_CALLS} concurrent calls: ${held ? 'PASS' : 'FAIL'} (${r.upAtEnd} held through the window)`,
    `target send-interval jitter p99 <= ${TARGET_JITTER_P99_MS} ms: ${jitter.intervalDeviationP99Ms <= TARGET_JITTER_P99_MS ? 'PASS' : 'FAIL'} (${ms(jitter.intervalDeviationP99Ms)} ms)`,
    `target no packet dropped by waihu: ${p.droppedByWaihu === 0 && r.measuredStreams > 0 ? 'PASS' : 'FAIL'} (${p.droppedByWaihu})`,
  ];
}
