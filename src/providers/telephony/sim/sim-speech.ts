/** How long things take on a simulated call: speaking a text, playing a file, pressing keys, connecting a transfer. */

/** Simulated time of a played voice file; the simulator has no media to measure. */
export const SIM_PLAY_MS = 5000;
/** Simulated time until a transferred call is connected to the agent. */
export const SIM_TRANSFER_MS = 3000;
/** Simulated time of one key press, from one key to the next. */
export const SIM_KEY_MS = 300;

/** Han characters and full-width forms are spoken at about 4 a second, other visible characters at about 15. */
const SLOW_CHARS = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Simulated speaking time of `text` at `speed` (1 = normal): ~250 ms per Han character, ~65 ms per other. */
export function speechMs(text: string, speed = 1): number {
  let ms = 0;
  for (const ch of text) {
    if (SLOW_CHARS.test(ch)) ms += 250;
    else if (ch.trim() !== '') ms += 65;
  }
  return Math.round(ms / (speed > 0 ? speed : 1));
}
