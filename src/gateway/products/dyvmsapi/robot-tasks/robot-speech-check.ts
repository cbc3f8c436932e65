/**
 * CreateRobotTask and StartRobotTask on a server without speech recognition (docs/speech.md): a robot whose script
 * the callee can answer with keys alone runs, one with a question that takes no keys is refused before the task is
 * created or started. A robot that cannot be read is left to the action, which reports it in its own words.
 */
import type { RobotScript } from '../../../../core/agents/robot-script.js';
import { robotSpeechNeed } from '../../../../core/agents/robot-speech-need.js';
import { canRun, type SpeechCapability } from '../../../../core/calls/speech-capability.js';
import { DomainError } from '../../../../core/errors.js';
import { requireRecognition } from '../../../speech-refusal.js';

/** Where robot scripts come from (the robot service). */
export interface RobotScripts {
  script(accountId: string, robotId: string): Promise<RobotScript>;
}

/** What the check needs. */
export interface RobotSpeechCheck {
  speech: SpeechCapability;
  robots: RobotScripts;
}

/** Throws Speech.RecognitionUnavailable when the robot's script needs speech and the server cannot understand it. */
export async function requireRunnableRobot(check: RobotSpeechCheck, accountId: string, robotId: string, action: string): Promise<void> {
  if (check.speech.recognition) return;
  const script = await check.robots.script(accountId, robotId).catch((error: unknown) => {
    if (error instanceof DomainError) return undefined;
    throw error;
  });
  if (script === undefined) return;
  const { need, speechOnlyNodes } = robotSpeechNeed(script);
  if (canRun(check.speech, need)) return;
  const nodes = speechOnlyNodes.map((id) => `"${id}"`).join(', ');
  const which = speechOnlyNodes.length === 1 ? `ask node ${nodes} takes` : `ask nodes ${nodes} take`;
  requireRecognition(check.speech, action, `the script of robot ${robotId}, whose ${which} no keys (no intent there has dtmf)`);
}
