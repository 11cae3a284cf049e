import type { ExtractedField } from '../campaign-types';
import { unique } from './text';

export function found<T>(value: T, sources: string[], note?: string): ExtractedField<T> {
  return { value, status: 'found', sources: unique(sources), ...(note ? { note } : {}) };
}

export function uncertain<T>(value: T | null, sources: string[], note: string): ExtractedField<T> {
  return { value, status: 'uncertain', sources: unique(sources), note };
}

export function notFound<T>(note: string, sources: string[] = []): ExtractedField<T> {
  return { value: null, status: 'not-found', sources: unique(sources), note };
}
