/**
 * The recording's waveform: the WAV decoded with the Web Audio API, each channel reduced to a min/max pair per pixel
 * column (so a spike shorter than a column still shows), drawn on a canvas as two lanes.
 */

/** Per column, the lowest and highest sample (-1..1) of the samples that column covers. */
export interface Peaks {
  min: Float32Array;
  max: Float32Array;
  /** The loudest absolute sample of the whole channel (0..1): 0 means silence throughout. */
  peak: number;
}

/** Min/max of `samples` over `columns` equal slices. */
export function peaksOf(samples: Float32Array, columns: number): Peaks {
  const n = Math.max(1, Math.floor(columns));
  const min = new Float32Array(n);
  const max = new Float32Array(n);
  let peak = 0;
  const per = samples.length / n;
  for (let c = 0; c < n; c++) {
    const from = Math.floor(c * per);
    const to = Math.max(from + 1, Math.min(samples.length, Math.floor((c + 1) * per)));
    let lo = 0;
    let hi = 0;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = samples[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[c] = lo;
    max[c] = hi;
    peak = Math.max(peak, hi, -lo);
  }
  return { min, max, peak };
}

/**
 * Decodes a WAV. An OfflineAudioContext at the file's own 8 kHz decodes without resampling and, unlike an
 * AudioContext, needs no user gesture and holds no audio device.
 */
export async function decodeWav(bytes: ArrayBuffer): Promise<AudioBuffer> {
  const context = new OfflineAudioContext(2, 1, 8000);
  // decodeAudioData detaches the buffer it is given: keep the caller's copy usable.
  return context.decodeAudioData(bytes.slice(0));
}

export interface Lane {
  peaks: Peaks;
  colour: string;
  label: string;
}

/** Draws the lanes one above the other on `canvas` (already sized in device pixels), each with its label. */
export function drawLanes(canvas: HTMLCanvasElement, lanes: Lane[], scale: number): void {
  const g = canvas.getContext('2d');
  if (!g) return;
  const { width, height } = canvas;
  g.clearRect(0, 0, width, height);
  const laneHeight = height / lanes.length;
  lanes.forEach((lane, i) => {
    const top = i * laneHeight;
    const mid = top + laneHeight / 2;
    // Loud enough to read: normalise each lane to its own peak, but never blow idle noise up to full height.
    const gain = (laneHeight / 2 - 2 * scale) / Math.max(lane.peaks.peak, 0.05);
    g.fillStyle = i % 2 === 0 ? '#f6f8fa' : '#ffffff';
    g.fillRect(0, top, width, laneHeight);
    g.fillStyle = '#d0d7de';
    g.fillRect(0, mid, width, Math.max(1, scale / 2));
    g.fillStyle = lane.colour;
    const { min, max } = lane.peaks;
    for (let x = 0; x < min.length; x++) {
      const y1 = mid - max[x]! * gain;
      const y2 = mid - min[x]! * gain;
      g.fillRect(x, y1, 1, Math.max(1, y2 - y1));
    }
    g.fillStyle = '#1b1f24';
    g.font = `${12 * scale}px system-ui, sans-serif`;
    g.fillText(lane.label, 6 * scale, top + 14 * scale);
  });
}
