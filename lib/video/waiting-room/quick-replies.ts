// The fixed replies a waiting patient can send, in the patient's words (the
// button and what the clinician reads are the same sentence). Shared by the
// join page and the staff pages, so it holds no server code.
import type { QuickReply } from '@/lib/db/generated/enums';

export const QUICK_REPLIES: Record<QuickReply, string> = {
  CAMERA_NOT_WORKING: 'I’m here, my camera isn’t working',
  RUNNING_LATE: 'Running 5 minutes late',
  WILL_PHONE: 'I’ll phone the clinic',
};

export type QuickReplyView = { id: string; reply: QuickReply; at: string };
