/** Which of the Debian programs the tests drive for real are installed here, checked once per test process. */
import { spawnSync } from 'node:child_process';

/** True when `command --version` runs. */
function runs(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** espeak-ng, the built-in speech synthesizer (TTS previews, SIP prompts, simulated recordings). */
export const espeakInstalled = runs('espeak-ng');

/** A describe's `skip` for tests that need espeak-ng. */
export const espeakSkip: string | false = espeakInstalled ? false : 'espeak-ng is not installed';
