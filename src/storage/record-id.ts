// Record ids: time-ordered and random. crypto.getRandomValues works outside secure contexts too
// (crypto.randomUUID does not), so an intranet http:// deployment still gets ids.

export function newRecordId(prefix: string): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  const rand = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${Date.now().toString(36)}-${rand}`;
}
