/** Small SVG charts drawn by hand: one horizontal bar per value, each with its label above it. */
export interface Bar {
  label: string;
  value: number;
  tone?: 'bad' | 'ok' | 'warn';
}

const WIDTH = 400;
const ROW = 40;

export function BarChart({ title, bars, unit = 'hồ sơ' }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">Chưa có số liệu.</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.value} ${unit}`).join('; ')}`} className="chart-svg">
          {bars.map((bar, index) => {
            const y = index * ROW;
            const width = ((WIDTH - 50) * bar.value) / max;
            return (
              <g key={`${bar.label}-${index}`}>
                <text x={0} y={y + 14} className="chart-label">
                  {bar.label.length > 60 ? `${bar.label.slice(0, 58)}…` : bar.label}
                </text>
                <rect x={0} y={y + 19} width={Math.max(width, 2)} height={14} rx={3} className={`bar bar-${bar.tone ?? 'info'}`} />
                <text x={Math.max(width, 2) + 6} y={y + 31} className="chart-value">
                  {bar.value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
