// Lookups over raw header tuples (names compared case-insensitively, order kept).
import type { HeaderTuple } from '@shared/capture';

export function headerValues(headers: HeaderTuple[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

export function firstHeader(headers: HeaderTuple[], name: string): string | null {
  return headerValues(headers, name)[0] ?? null;
}

/** Content-Encoding values in the order they were applied, e.g. ["gzip"]; identity dropped. */
export function contentEncodings(headers: HeaderTuple[]): string[] {
  return headerValues(headers, 'content-encoding')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value && value !== 'identity');
}

/** The media type without parameters, lowercased: "application/json". */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
