export const mediaTypeOf = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();
export function bodyKind(mediaType) {
    if (/^application\/(?:[\w.-]+\+)?json$/.test(mediaType) || mediaType === '*/*')
        return 'json';
    if (mediaType === 'application/x-www-form-urlencoded')
        return 'form';
    if (mediaType.startsWith('multipart/'))
        return 'multipart';
    if (mediaType.startsWith('text/') || /[/+]xml$/.test(mediaType))
        return 'text';
    return 'binary';
}
/** The declared media type a request's Content-Type falls under: exact, then `type/*`, then `*\/*`. */
export function matchMedia(declared, contentType) {
    const type = mediaTypeOf(contentType);
    return (declared.find((m) => m.mediaType === type) ?? declared.find((m) => m.mediaType === `${type.split('/')[0]}/*`) ?? declared.find((m) => m.mediaType === '*/*'));
}
