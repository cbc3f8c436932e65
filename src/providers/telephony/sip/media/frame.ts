/**
 * The one audio frame every part of a SIP call works in: 20 ms of 8 kHz mono audio, 160 samples. RTP packets
 * (ptime 20), the shared media clock's tick, the VAD's frame, the recorder's slot and the utterance buffer all use it,
 * so a frame sent or received maps to exactly one of each.
 */

/** The telephone sample rate (G.711). */
export const MEDIA_SAMPLE_RATE = 8000;
/** One frame's length. */
export const FRAME_MS = 20;
/** Samples in one frame. */
export const FRAME_SAMPLES = (MEDIA_SAMPLE_RATE * FRAME_MS) / 1000;
