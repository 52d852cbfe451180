// Where sign-in may send someone afterwards: only a path on this site (no
// "//host", "/\host" or "https://…"), so a crafted link cannot send anyone elsewhere.
// Client-safe.

export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters (a tab or newline inside "/\t/host") are refused outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/api/')) return null;
  return value;
}
