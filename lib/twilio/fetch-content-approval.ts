import 'server-only';

// Where a Content template (HX…) stands with WhatsApp: Meta's approval status
// and category, from the Content API's ApprovalRequests. null when Twilio has
// no such template.
import { z } from 'zod';

import { twilioClient, type TwilioClient } from './client';
import { toTwilioError } from './errors';

export interface ContentApproval {
  contentSid: string;
  /** approved, pending, received, rejected, paused, disabled; 'unsubmitted' when never sent to WhatsApp. */
  status: string;
  category: string | null;
  rejectionReason: string | null;
}

const whatsappApproval = z
  .object({
    status: z.string().optional(),
    category: z.string().optional(),
    rejection_reason: z.string().nullable().optional(),
  })
  .passthrough();

export async function fetchContentApproval(
  contentSid: string,
  client: TwilioClient = twilioClient(),
): Promise<ContentApproval | null> {
  try {
    const approval = await client.content.v1.contents(contentSid).approvalFetch().fetch();
    const whatsapp = whatsappApproval.parse(approval.whatsapp ?? {});
    return {
      contentSid,
      status: whatsapp.status?.toLowerCase() ?? 'unsubmitted',
      category: whatsapp.category?.toUpperCase() ?? null,
      rejectionReason: whatsapp.rejection_reason || null,
    };
  } catch (err) {
    const error = toTwilioError(err);
    if (error.code === 20404 || error.status === 404) return null;
    throw error;
  }
}
