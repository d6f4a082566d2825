/**
 * Media types as both sides read them: the bare type of a Content-Type, and what kind of body it
 * carries (JSON and `+json`, form fields, multipart, text and XML, or bytes).
 * Imports nothing: copied into generated packages.
 */
export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

export function bodyKind(mediaType: string): BodyKind {
  if (/^application\/(?:[\w.-]+\+)?json$/.test(mediaType) || mediaType === '*/*') return 'json';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType.startsWith('multipart/')) return 'multipart';
  if (mediaType.startsWith('text/') || /[/+]xml$/.test(mediaType)) return 'text';
  return 'binary';
}

/** The declared media type a request's Content-Type falls under: exact, then `type/*`, then `*\/*`. */
export function matchMedia<T extends { mediaType: string }>(declared: T[], contentType: string): T | undefined {
  const type = mediaTypeOf(contentType);
  return (
    declared.find((m) => m.mediaType === type) ?? declared.find((m) => m.mediaType === `${type.split('/')[0]}/*`) ?? declared.find((m) => m.mediaType === '*/*')
  );
}
