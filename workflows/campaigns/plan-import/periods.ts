import type { CampaignPhase, ExtractedField, PlanPeriod } from '../campaign-types';
import { timeExpressions, timeRanges, type TimeRange } from './dates';
import { findSections, sectionLines, type PlanDocument } from './document';
import { found, notFound, uncertain } from './fields';
import { sentenceAt, type PlanLine } from './text';

/** The campaign's period ("từ năm 2026 đến năm 2030") and its phases ("Giai đoạn I: (từ năm 2026 đến ngày 11/6/2028)"). */

const PHASE = /^Giai đoạn\s+((?:thứ\s+)?(?:[IVX]+|\d{1,2}|một|hai|ba|bốn|nhất)|\(?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)?)(?![\p{L}\d])\s*[:.)-]?\s*(.*)$/iu;

interface PhaseReading {
  phase: CampaignPhase;
  sources: string[];
}

function toPeriod(range: TimeRange): PlanPeriod {
  return { from: range.from, to: range.to, text: range.text };
}

function singleExpressionPeriod(text: string): PlanPeriod | null {
  const expressions = timeExpressions(text);
  if (expressions.length !== 1) return null;
  const [e] = expressions;
  return { from: e.from, to: e.to, text: e.text };
}

export function readPhases(document: PlanDocument): PhaseReading[] {
  const lines = document.body;
  const readings: PhaseReading[] = [];
  lines.forEach((line, index) => {
    const m = PHASE.exec(line.text);
    if (!m) return;
    const label = m[1].replace(/[()]/g, '');
    const name = `Giai đoạn ${label}`;
    if (readings.some((r) => r.phase.name.toLowerCase() === name.toLowerCase())) return;
    const rest = m[2];
    // The span is what follows the name up to the first ":" after it (not the phase's tasks).
    const head = rest.split(/\)\s*:|:\s/u)[0];
    let period: PlanPeriod | null = null;
    let sources = [line.text];
    const range = timeRanges(head)[0] ?? (/^\d{4}/u.test(label) ? timeRanges(label)[0] : undefined);
    if (range) period = toPeriod(range);
    else if (/^\(?\s*(?:năm\s+)?\d{4}\s*\)?/u.test(head)) period = singleExpressionPeriod(head.split(/\)/u)[0]);
    else if (rest.trim() === '' && lines[index + 1]) {
      // A table row: the phase's name in one cell, its span in the next.
      const next = lines[index + 1];
      const nextRange = timeRanges(next.text)[0];
      if (nextRange) {
        period = toPeriod(nextRange);
        sources = [line.text, next.text];
      }
    }
    if (period) readings.push({ phase: { name, period }, sources });
  });
  return readings;
}

export function phasesField(readings: PhaseReading[]): ExtractedField<CampaignPhase[]> {
  if (readings.length === 0) return notFound('Kế hoạch không chia giai đoạn (hoặc không nêu thời gian của giai đoạn).');
  return found(readings.map((r) => r.phase), readings.flatMap((r) => r.sources));
}

function firstRangeIn(lines: PlanLine[]): { range: TimeRange; line: PlanLine } | null {
  for (const line of lines) {
    if (PHASE.test(line.text)) continue;
    const range = timeRanges(line.text).find((r) => /^(từ|trong|giai đoạn)/iu.test(r.text) || /\d{4}$/u.test(r.text));
    if (range) return { range, line };
  }
  return null;
}

const RUNS = /(triển khai|thực hiện|phát động|diễn ra|tổ chức)[^.;]*$/iu;

export function readPeriod(document: PlanDocument, phases: PhaseReading[], title: string | null): ExtractedField<PlanPeriod> {
  const timeSections = findSections(document.sections, (key) => /^thoi gian/.test(key));
  for (const section of timeSections) {
    const hit = firstRangeIn(sectionLines(section).slice(1));
    if (hit) return found(toPeriod(hit.range), [sentenceAt(hit.line.text, hit.range.start)]);
  }
  for (const line of [...document.preamble, ...document.body]) {
    if (PHASE.test(line.text)) continue;
    const statement = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[a-zđ]\)\s*)?Thời gian(?:\s+(?:thực hiện|triển khai|phát động|tổ chức))?\s*:\s*/iu.exec(line.text);
    const statedRange = statement ? timeRanges(line.text.slice(statement[0].length))[0] : undefined;
    if (statement && statedRange) {
      return found(toPeriod(statedRange), [sentenceAt(line.text, statement[0].length + statedRange.start)]);
    }
    const single = statement ? singleExpressionPeriod(line.text.slice(statement[0].length).split(/[.;]\s/u)[0]) : null;
    if (statement && single) return found(single, [sentenceAt(line.text, statement[0].length)]);
    for (const range of timeRanges(line.text)) {
      if (!/^từ/iu.test(range.text)) continue;
      if (RUNS.test(line.text.slice(0, range.start))) {
        return found(toPeriod(range), [sentenceAt(line.text, range.start)]);
      }
    }
  }
  if (phases.length > 0) {
    const from = phases.map((p) => p.phase.period.from).sort()[0];
    const to = phases.map((p) => p.phase.period.to).sort().reverse()[0];
    const text = phases.map((p) => p.phase.period.text).join('; ');
    return uncertain({ from, to, text }, phases.flatMap((p) => p.sources),
      'Kế hoạch không nêu thời gian chung của phong trào; ghép từ thời gian các giai đoạn.');
  }
  if (title) {
    const range = timeRanges(title)[0];
    const period = range ? toPeriod(range) : lastYearOf(title);
    if (period) {
      return uncertain(period, [title], `Kế hoạch không nêu thời gian thực hiện; đọc theo «${period.text}» trong tên kế hoạch.`);
    }
  }
  return notFound('Kế hoạch không nêu thời gian thực hiện phong trào.');
}

function lastYearOf(text: string): PlanPeriod | null {
  const years = timeExpressions(text).filter((e) => e.precision === 'year');
  const last = years[years.length - 1];
  return last ? { from: last.from, to: last.to, text: last.text } : null;
}
