/** Times and summaries shared by the figures. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `work` `count` times one after another; answers operations per second. */
export async function rate(count: number, work: (index: number) => Promise<unknown> | unknown): Promise<number> {
  const start = now();
  for (let index = 0; index < count; index++) await work(index);
  return (count * 1000) / (now() - start);
}

/** Latencies of `runs` sequential calls, in ms: p50, p99, mean. */
export async function latencies(runs: number, work: (index: number) => Promise<unknown>): Promise<{ runs: number; p50: number; p99: number; mean: number }> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = now();
    await work(index);
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  return { runs, p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2), mean: round(times.reduce((a, b) => a + b, 0) / runs, 2) };
}

/**
 * Alternates the two sides `rounds` times (so both see the same load of a shared machine) and keeps each side's
 * median rate; the ratio is baseline ÷ subject (how many times slower the subject is) unless stated otherwise.
 */
export async function sideBySide(
  rounds: number,
  baseline: (round: number) => Promise<number>,
  subject: (round: number) => Promise<number>,
): Promise<{ baseline: number; subject: number; baselineRounds: number[]; subjectRounds: number[] }> {
  const baselineRounds: number[] = [];
  const subjectRounds: number[] = [];
  for (let index = 0; index < rounds; index++) {
    baselineRounds.push(round(await baseline(index)));
    subjectRounds.push(round(await subject(index)));
  }
  return { baseline: median(baselineRounds), subject: median(subjectRounds), baselineRounds, subjectRounds };
}
