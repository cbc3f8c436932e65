/** Every implemented action of dyvmsapi 2017-05-25; the larger areas keep their actions in their own folders. */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import type { SecretBox } from '../../../core/accounts/secret-box.js';
import type { IdGenerator } from '../../../core/ids.js';
import type { SpeechCapability } from '../../../core/calls/speech-capability.js';
import type { Clock } from '../../../ports/clock.js';
import type { Store } from '../../../ports/store.js';
import type { VoiceResources } from '../../../core/media/voice-resources.js';
import { tokenServices } from '../../../core/tokens/token-services.js';
import type { ActionHandler } from '../../action.js';
import { getToken } from './get-token.js';
import { getMqttToken, refreshMqttToken } from './mqtt-tokens.js';
import { queryCallDetailByCallId } from './query-call-detail-by-call-id.js';
import { queryRobotv2AllList } from './query-robotv2-all-list.js';
import { addRtcAccount, getRtcToken } from './rtc-tokens.js';
import { singleCallByTts } from './single-call-by-tts.js';
import { singleCallByVoice } from './single-call-by-voice.js';
import type { SingleCallServices } from './single-call-params.js';
import { addVirtualNumberRelation, queryVirtualNumber, queryVirtualNumberRelation } from './virtual-numbers.js';
import { callTaskHandlers } from './call-tasks/index.js';
import { robotTaskHandlers } from './robot-tasks/index.js';
import { hotlineHandlers } from './hotline/index.js';
import type { HotlineServices } from '../../../core/hotline/hotline-services.js';
import { interactiveCallHandlers } from './interactive/index.js';
import type { InteractiveCallServices } from './interactive/interactive-services.js';

/** The services dyvmsapi's actions need. */
export interface DyvmsServices {
  agents: AgentRegistry;
  /** What the other dyvms actions are built from: the store, the clock, ids, the data dir, the secret box. */
  dyvms: { store: Store; clock: Clock; ids: IdGenerator; dataDir: string; secrets: SecretBox };
  /** SingleCallByTts and SingleCallByVoice: single calls, templates, caller numbers, the callee log and its caps. */
  dyvmsCalls: SingleCallServices;
  /** The platform time zone (config.timeZone): QueryCallDetailByCallId's QueryDate day; Asia/Shanghai when unset. */
  timeZone?: string;
  /** IvrCall, SmartCall, SmartCallOperate, GetCallInfo: live calls, callback URLs, the call-state board. */
  dyvmsInteractive: InteractiveCallServices;
  /** Voice files (SingleCallByVoice's VoiceCode) and the other voice resources. */
  voiceResources: VoiceResources;
  /** The 400-number registry: qualifications, registrations and their review, transfer pools, verification codes. */
  hotline: HotlineServices;
  /** Whether callees can be understood: robot tasks whose scripts need speech are refused without it. */
  speech: SpeechCapability;
  /** Links to calls' recordings (the robot task call detail's recordFile). */
  recordingUrls: RecordingUrls;
}

/** Handlers of the dyvmsapi product. */
export function dyvmsHandlers(services: DyvmsServices): ActionHandler[] {
  const { dataDir, secrets, clock } = services.dyvms;
  const tokens = tokenServices(dataDir, secrets, clock);
  const numbers = { store: services.dyvms.store, clock, timeZone: services.timeZone };
  return [
    queryRobotv2AllList(services.agents.robots),
    getToken(tokens.tokens),
    getMqttToken(tokens.mqtt),
    refreshMqttToken(tokens.mqtt),
    addRtcAccount(tokens.rtc),
    getRtcToken(tokens.rtc),
    singleCallByTts(services.dyvmsCalls),
    singleCallByVoice(services.dyvmsCalls, (accountId, code) => services.voiceResources.voiceFiles.find(accountId, code)),
    queryCallDetailByCallId({ store: services.dyvms.store, timeZone: services.timeZone }),
    addVirtualNumberRelation(numbers),
    queryVirtualNumber(numbers),
    queryVirtualNumberRelation(numbers),
    ...callTaskHandlers(services),
    ...robotTaskHandlers(services),
    ...hotlineHandlers(services),
    ...interactiveCallHandlers(services),
  ];
}
