/** Reading back the stereo recordings waihu writes (8 kHz, 16-bit, 44-byte header; left the callee, right the platform). */
import assert from 'node:assert/strict';

/** The two channels of a stereo 16-bit WAV, checking the header says 2 channels, 8 kHz and a data chunk covering the file. */
export function stereoChannels(wav: Uint8Array): { left: Int16Array; right: Int16Array } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  assert.equal(view.getUint16(22, true), 2, 'two channels');
  assert.equal(view.getUint32(24, true), 8000, '8 kHz');
  assert.equal(view.getUint32(40, true), wav.byteLength - 44, 'the data chunk covers the file');
  const frames = (wav.byteLength - 44) / 4;
  const left = new Int16Array(frames);
  const right = new Int16Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = view.getInt16(44 + i * 4, true);
    right[i] = view.getInt16(46 + i * 4, true);
  }
  return { left, right };
}
