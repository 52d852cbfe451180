// The messages staff have shown the waiting patient, oldest first.
import type { VideoPanelState } from '@/lib/video/rooms/get-video-panel';

export function WaitingMessageList({
  messages,
  at,
}: {
  messages: VideoPanelState['messages'];
  at: (iso: string) => string;
}) {
  if (!messages.length) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {messages.map((m) => (
        <li key={m.id}>
          <span className="text-slate-600">{at(m.at)}:</span> {m.body}
        </li>
      ))}
    </ul>
  );
}
