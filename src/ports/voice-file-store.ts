/** Persistence port of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono). */

/** What the store offers for this area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VoiceFileStore {}
