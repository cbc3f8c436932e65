/** What a call of a dyvms task-center CallTask runs: a notification from a TTS template or a voice file. */

/** Where a CallTask's prompt comes from: a TTS template (spoken with the callee's variables) or an uploaded voice file. */
export type NotifyMedia = 'tts' | 'voice-file';

/** The flow stored with a CallTask (campaign_tasks.flow). Per-callee template variables are the detail's variables. */
export interface NotifyTaskFlow {
  kind: 'notify';
  /** The TtsCode of a TTS template, or the VoiceCode of an uploaded voice file. */
  templateCode: string;
  /** What templateCode names; a TTS template when absent (flows stored before voice files existed). */
  media?: NotifyMedia;
  /** How many times the prompt is played. */
  playTimes?: number;
}
