/** Row types of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono) (migration 0010), part of the Database schema (schema.ts). */

/** The tables by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VoiceFileTables {}
