// Conversation engine benchmark (after `npm run build`), two parts, both through the real simulated carrier, personas,
// recording session and agent flow (dist/):
// 1. Engine overhead per turn: the time from the end of the callee's utterance to the first text handed to speech,
//    with zero-latency providers (the script brain, and an in-process chat model that answers at once), measured with
//    performance.now over BENCH_DIALOG_CALLS conversations. Reference: the same measurement of a bare echo flow (listen,
//    then say a fixed line), i.e. what the carrier and the harness alone cost between the two.
// 2. BENCH_DIALOG_CONCURRENT (default 1000) conversations at once in this process on the real clock, simulated time
//    sped up 10x, every call answered after the same 3 s: peak RSS (reference: the process before the calls) and the slowest turn of engine time (target 50 ms).
import { RecordingSession } from '../../dist/flows/recording-session.js';
import { runAgent } from '../../dist/flows/agent/agent-flow.js';
import { createAgentBrain } from '../../dist/flows/agent/create-agent-brain.js';
import { systemClock } from '../../dist/ports/clock.js';
import { PersonaCatalog } from '../../dist/providers/telephony/sim/personas/persona-catalog.js';
import { SimTelephony } from '../../dist/providers/telephony/sim/sim-telephony.js';

const PROFILE = {
  ref: 'bench', name: '小云', prompt: '你是某某银行的回访专员小云，语气亲切，回答简短。', startWord: '您好${name}，我是某某银行的小云，想占用您一分钟做个回访，方便吗？',
  childTasks: [{ name: '确认', description: '请问您上个月的账单已经收到了吗？' }, { name: '满意度', description: '您对我们的服务还满意吗？' }],
  outputTags: [{ name: '意向', type: 'ENUM', values: [{ value: '高' }, { value: '中' }, { value: '低' }] }],
};

/** A chat model that answers at once: a sentence streamed through onText, no network, no waiting. */
const instantLlm = {
  description: 'in-process instant model',
  complete: async (request) => {
    const text = '好的，我明白了。请问您还有其他问题吗？';
    request.onText?.(text);
    return { text, toolCalls: [], finishReason: 'stop' };
  },
};

/** The echo flow: listen, say a fixed line, the reference for what the carrier and harness cost between two turns. */
async function echoFlow(session, latencies) {
  for (let i = 0; i < 6; i++) {
    const heard = await session.listen({ timeoutMs: 8000 });
    const end = performance.now();
    if (heard.timedOut) continue;
    const saying = session.say('好的。');
    latencies.push(performance.now() - end);
    await saying;
  }
}

/**
 * Every call answered after the same 1 s setup and 2 s of ringing, so a batch of calls started together talks
 * together (the default model spreads answers over half a minute); the callees' own patience is long.
 */
const ANSWER_TOGETHER = {
  modelFor: () => ({
    outcomes: { ANSWERED: 1 }, setupSeconds: { kind: 'fixed', value: 1 }, ringSeconds: { kind: 'fixed', value: 2 },
    talkSeconds: { kind: 'fixed', value: 600 },
  }),
};

/** Runs `n` calls (at most `concurrency` at once) on a fresh carrier; `flow(session, latencies)` runs each answered call. */
async function runCalls({ n, concurrency, timeScale, flow, persona }) {
  const catalog = new PersonaCatalog({ seed: 1 });
  const sim = new SimTelephony({ clock: systemClock, ledger: { record() {} }, timeScale, seed: 1, callees: catalog.calleeFor, models: ANSWER_TOGETHER });
  const latencies = [];
  let started = 0;
  let ended = 0;
  let answeredNow = 0;
  let peakTalking = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  await new Promise((resolve) => {
    const next = () => {
      if (ended === n) return resolve();
      while (started < n && started - ended < concurrency) {
        const i = started++;
        const variables = { name: `客户${i}`, ...(persona ? { sim_persona: persona } : {}) };
        const listener = {
          ringing() {},
          answered: (session, at) => {
            peakTalking = Math.max(peakTalking, ++answeredNow);
            return flow(new RecordingSession(session, systemClock, at), latencies).finally(() => answeredNow--);
          },
          ended: () => { ended++; queueMicrotask(next); },
        };
        sim.originate({ attemptId: `a${i}`, callId: `9^${i}`, accountId: 'bench', caller: '057100000000', callee: `139${String(i).padStart(4, '0')}0000`, variables }, listener);
      }
    };
    next();
  });
  clearInterval(sampler);
  return { latencies, peakTalking, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

/** The agent flow with `llm` (undefined: the script brain), recording its reply latencies. */
function agentFlow(llm) {
  return async (session, latencies) => {
    const brain = createAgentBrain(PROFILE, session.variables, llm);
    const report = await runAgent(session, { profile: PROFILE, brain, muteTimeMs: 4000 }, { clock: systemClock, stopwatch: () => performance.now() });
    latencies.push(...report.replyLatenciesMs);
  };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const ms = (v) => `${v.toFixed(3)} ms`;

/** Runs both parts; returns the figures. */
export async function runDialogBench({ calls, concurrent }) {
  const fast = { n: calls, concurrency: 20, timeScale: 0.002, persona: 'cooperative' };
  await runCalls({ ...fast, n: Math.min(50, calls), flow: agentFlow(undefined) }); // warm-up
  const echo = await runCalls({ ...fast, flow: echoFlow });
  const script = await runCalls({ ...fast, flow: agentFlow(undefined) });
  const llm = await runCalls({ ...fast, flow: agentFlow(instantLlm) });
  globalThis.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const many = await runCalls({ n: concurrent, concurrency: concurrent, timeScale: 0.1, flow: agentFlow(undefined) });
  const used = process.cpuUsage(cpu);
  const turns = (r) => ({ n: r.latencies.length, p50: quantile(r.latencies, 0.5), p95: quantile(r.latencies, 0.95), max: Math.max(...r.latencies) });
  return {
    echo: turns(echo), script: turns(script), llm: turns(llm),
    concurrent: { calls: concurrent, peakTalking: many.peakTalking, ...turns(many), peakRssMb: many.peakRss / 1048576, baselineRssMb: baselineRss / 1048576, wallSeconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 },
  };
}

/** Lines of the report. */
export function formatDialog(r) {
  const line = (name, t) => `  ${name.padEnd(26)} p50 ${ms(t.p50)}   p95 ${ms(t.p95)} (echo flow p95 ${ms(r.echo.p95)}, ratio ${(t.p95 / r.echo.p95).toFixed(1)}x)   target p95 <= 5 ms   ${t.p95 <= 5 ? 'PASS' : 'FAIL'}   (${t.n} turns)`;
  const c = r.concurrent;
  return [
    'Conversation engine: simulated carrier, personas, recording session, agent flow',
    line('turn overhead, script', r.script),
    line('turn overhead, instant LLM', r.llm),
    `  ${c.calls} calls at once         ${c.peakTalking} conversations in progress at the peak`,
    `  ${c.calls} concurrent calls        peak RSS ${c.peakRssMb.toFixed(0)} MB (before the calls: ${c.baselineRssMb.toFixed(0)} MB, ratio ${(c.peakRssMb / c.baselineRssMb).toFixed(1)}x)   target <= 500 MB   ${c.peakRssMb <= 500 ? 'PASS' : 'FAIL'}`,
    `  slowest turn               ${ms(c.max)} (p95 ${ms(c.p95)}, ${c.n} turns; echo flow max ${ms(r.echo.max)})   target <= 50 ms   ${c.max <= 50 ? 'PASS' : 'FAIL'}`,
    `  CPU                        ${c.cpuSeconds.toFixed(2)} s for ${c.calls} conversations (${((c.cpuSeconds * 1e3) / Math.max(1, c.n)).toFixed(2)} ms per turn), ${c.wallSeconds.toFixed(1)} s wall`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runDialogBench({ calls: Number(process.env.BENCH_DIALOG_CALLS ?? 300), concurrent: Number(process.env.BENCH_DIALOG_CONCURRENT ?? 1000) });
  console.log(formatDialog(r).join('\n'));
}
