// How long someone must wait, in words, for every throttled answer (sign-in and video routes).

/** "2 minutes", "1 hour": a wait rounded up to whole minutes, or hours past 90 minutes. */
export function formatWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes <= 90) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
