// The waihu server of the SingleCallByTts bench (bench/lib/waihu-app.js), with a caller number and a verification-code
// template set up for the default account. Two settings differ from the defaults, both reported by the bench:
// - throttling is off: the per-key (1000/s) and per-action (4000/s) QPS limits would cap the figure at the target;
// - the simulated carrier runs calls 50x faster, so the calls accepted during the run also ring, answer, speak and
//   hang up during it (their store writes are part of what is measured) instead of piling up for minutes.
import { serveBenchWaihu, startBenchWaihu } from '../lib/waihu-app.js';

export const SIM_TIME_SCALE = 0.02;
export const SHOW_NUMBER = '057100000001';

const started = await startBenchWaihu({ throttling: false, simTimeScale: SIM_TIME_SCALE });
const { app, key } = started;
await app.voiceResources.callerNumbers.add(key.AccountId, SHOW_NUMBER);
const template = await app.voiceResources.ttsTemplates.create(key.AccountId, { name: '验证码', content: '您的验证码是${code}，五分钟内有效。', type: 'CODE', publicMode: false });
serveBenchWaihu(started, { ttsCode: template.code });
