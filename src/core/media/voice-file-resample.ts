/**
 * Sample-rate conversion by band-limited (windowed-sinc) interpolation. Going down to the telephone rate, the kernel
 * is a low-pass at just under the new Nyquist frequency, so content above 4 kHz is removed rather than folded back
 * into the speech band as it would be by dropping samples; going up, the same kernel interpolates between samples.
 */

/** Zero crossings of the sinc on each side: the kernel's reach, and the steepness of the low-pass. */
const ZERO_CROSSINGS = 24;
/** The pass band as a share of the lower Nyquist frequency; the rest is the transition band. */
const PASS_BAND = 0.92;
/** Kernel table resolution: points per unit of the sinc argument; between points it is interpolated linearly. */
const TABLE_STEPS = 512;
/** Kaiser window shape: about 80 dB of stop-band attenuation. */
const KAISER_BETA = 8;

/** Zeroth-order modified Bessel function of the first kind (for the Kaiser window), by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

/** The windowed sinc over [0, ZERO_CROSSINGS] in TABLE_STEPS steps per unit; symmetric, so one side suffices. */
function kernelTable(): Float64Array {
  const size = ZERO_CROSSINGS * TABLE_STEPS + 2;
  const table = new Float64Array(size);
  const norm = besselI0(KAISER_BETA);
  for (let i = 0; i < size; i++) {
    const x = i / TABLE_STEPS;
    const ratio = Math.min(1, x / ZERO_CROSSINGS);
    const window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / norm;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    table[i] = sinc * window;
  }
  return table;
}

let cachedTable: Float64Array | undefined;

/** The kernel at sinc argument |x| (0 beyond its reach). */
function kernelAt(table: Float64Array, x: number): number {
  const pos = Math.abs(x) * TABLE_STEPS;
  const i = Math.floor(pos);
  if (i >= table.length - 1) return 0;
  const frac = pos - i;
  return table[i]! + (table[i + 1]! - table[i]!) * frac;
}

/**
 * `samples` at `fromRate` resampled to `toRate`. The output has round(n * toRate / fromRate) samples, so the
 * duration is kept; equal rates return a copy.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError(`sample rates must be positive: ${fromRate} -> ${toRate}`);
  if (fromRate === toRate) return samples.slice();
  const table = (cachedTable ??= kernelTable());
  const outLength = Math.round((samples.length * toRate) / fromRate);
  const out = new Float32Array(outLength);
  const step = fromRate / toRate;
  // Cutoff as a fraction of the input's Nyquist frequency: the output's when going down, the input's own going up.
  const cutoff = Math.min(1, toRate / fromRate) * PASS_BAND;
  const reach = ZERO_CROSSINGS / cutoff;
  for (let n = 0; n < outLength; n++) {
    const center = n * step;
    const first = Math.max(0, Math.ceil(center - reach));
    const last = Math.min(samples.length - 1, Math.floor(center + reach));
    let sum = 0;
    for (let k = first; k <= last; k++) sum += samples[k]! * kernelAt(table, (center - k) * cutoff);
    out[n] = sum * cutoff;
  }
  return out;
}

/** Samples in [-1, 1] as 16-bit integers, rounded, clipped at full scale. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const scaled = Math.round(samples[i]! * 32768);
    out[i] = scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
  }
  return out;
}
