/** What a call of a dyvms task-center CallTask runs: a notification from a TTS template or a voice file. */

/** The flow stored with a CallTask (campaign_tasks.flow). Per-callee template variables are the detail's variables. */
export interface NotifyTaskFlow {
  kind: 'notify';
  /** The TtsCode of a TTS template, or the VoiceCode of an uploaded voice file. */
  templateCode: string;
  /** How many times the prompt is played. */
  playTimes?: number;
}
