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

/** One column per period (months), labels below, values above. */
export function ColumnChart({ title, columns, unit = 'hồ sơ' }: { title: string; columns: Bar[]; unit?: string }) {
  const max = Math.max(1, ...columns.map((column) => column.value));
  const height = 180;
  const plot = 130;
  const step = WIDTH / Math.max(1, columns.length);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}: ${columns.map((column) => `${column.label} ${column.value} ${unit}`).join('; ')}`} className="chart-svg">
        <line x1={0} x2={WIDTH} y1={plot + 10} y2={plot + 10} className="chart-axis" />
        {columns.map((column, index) => {
          const barHeight = (plot - 16) * (column.value / max);
          const x = index * step + step * 0.15;
          const width = step * 0.7;
          return (
            <g key={`${column.label}-${index}`}>
              <rect x={x} y={plot + 10 - barHeight} width={width} height={Math.max(barHeight, column.value ? 2 : 0)} rx={2} className={`bar bar-${column.tone ?? 'info'}`} />
              {column.value > 0 && (
                <text x={x + width / 2} y={plot + 4 - barHeight} className="chart-value" textAnchor="middle">
                  {column.value}
                </text>
              )}
              <text x={x + width / 2} y={plot + 26} className="chart-tick" textAnchor="middle">
                {column.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
