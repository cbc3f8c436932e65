/**
 * Decoding of compressed audio an account uploads as a voice file. WAV is read in process (core/media); MP3 needs a
 * real decoder, which lives outside the process (the `sox` program), hence a port.
 */

/** What the decoder is asked for: the telephone format and a cap on its length. */
export interface DecodeTarget {
  /** Output rate in Hz (8000 for voice files). */
  sampleRate: number;
  /** Longest output accepted, in samples; longer audio is refused without being read to its end. */
  maxSamples: number;
}

/** Turns compressed audio into mono 16-bit PCM. */
export interface CompressedAudioDecoder {
  /**
   * The MP3 bytes as mono 16-bit samples at `target.sampleRate`, low-passed and resampled by the decoder. Rejects with
   * DomainError: InvalidArgument about `Content` for a file it cannot read or one longer than `maxSamples`,
   * NotImplemented when the decoder itself is not available on this machine.
   */
  decodeMp3(bytes: Uint8Array, target: DecodeTarget): Promise<Int16Array>;
}
