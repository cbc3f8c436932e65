/** A stacked progress bar drawn in SVG: one coloured segment per part, the rest of the track left empty. */
export interface Segment {
  value: number;
  label: string;
  className: string;
}

export function ProgressBar({ segments, total, label }: { segments: Segment[]; total: number; label: string }) {
  let x = 0;
  const bars = segments.map((s) => {
    const width = total > 0 ? (Math.max(0, s.value) / total) * 100 : 0;
    const bar = { ...s, x, width };
    x += width;
    return bar;
  });
  return (
    <figure className="progress">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={label} className="progress-svg">
        <rect x="0" y="0" width="100" height="6" rx="3" className="progress-track" />
        {bars.map((b) => b.width > 0 && (
          <rect key={b.className} x={b.x} y="0" width={b.width} height="6" className={b.className}>
            <title>{`${b.label}: ${b.value}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="progress-legend">
        {segments.map((s) => (
          <span key={s.className}><i className={`swatch ${s.className}`} aria-hidden="true" />{s.label}: {s.value}</span>
        ))}
      </figcaption>
    </figure>
  );
}
