// The waiting patient's quick replies ("Running 5 minutes late"), as staff see
// them on the dashboard's waiting list and in the clinician's room.
import type { QuickReplyView } from '@/lib/video/waiting-room/quick-replies';
import { QUICK_REPLIES } from '@/lib/video/waiting-room/quick-replies';

export function QuickReplyList({
  firstName,
  replies,
  at,
  testId,
  heading: Heading = 'p',
  live = false,
}: {
  firstName: string;
  replies: QuickReplyView[];
  /** The time of a reply as the reader reads times. */
  at: (iso: string) => string;
  testId: string;
  heading?: 'p' | 'h3';
  /** Announce new replies (where the list updates in front of the reader). */
  live?: boolean;
}) {
  return (
    <div data-testid={testId} className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950">
      <Heading className="font-semibold">{firstName} replied</Heading>
      <ul aria-live={live ? 'polite' : undefined}>
        {replies.map((r) => (
          <li key={r.id}>
            <span className="text-slate-700">{at(r.at)}:</span> “{QUICK_REPLIES[r.reply]}”
          </li>
        ))}
      </ul>
    </div>
  );
}
