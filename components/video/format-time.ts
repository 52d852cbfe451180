// Times on the patient's pages, with the browser's Intl (no date library in
// the page's JavaScript): "3:27 pm", "3:27 pm on Wednesday 25 November".
export function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' })
    .format(new Date(iso))
    .replace(/\s?([ap])\.?m\.?$/i, ' $1m')
    .toLowerCase();
}

export function clockTimeAndDay(iso: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-AU', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(iso));
  return `${clockTime(iso, timeZone)} on ${day.replace(',', '')}`;
}

/** "Monday 7 December". */
export function dayAndDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-AU', { timeZone, weekday: 'long', day: 'numeric', month: 'long' })
    .format(new Date(iso))
    .replace(',', '');
}
