/** Row types of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono) (migration 0010), part of the Database schema (schema.ts). */

/** Row of `voice_files`: one uploaded file's metadata; the audio itself is a blob under `blob_key`. */
export interface VoiceFilesTable {
  account_id: string;
  code: string;
  name: string;
  file_name: string;
  /** 1 when calls with it may leave CalledShowNumber empty, else 0 (same on both engines). */
  public_mode: number;
  /** 'WAV' or 'MP3': what was uploaded. */
  source_format: string;
  duration_ms: number;
  sample_rate: number;
  size_bytes: number;
  blob_key: string;
  created_at: number;
}

/** The tables by name. */
export interface VoiceFileTables {
  voice_files: VoiceFilesTable;
}
