import 'server-only';

// Outside a 24-hour customer-service window WhatsApp only delivers approved
// templates (63016 otherwise), so every reminder template needs a Content SID
// that Meta has approved.
import { fetchContentApproval } from '@/lib/twilio/fetch-content-approval';

import { defineCheck } from '../define-check';
import { couldNotCheck } from '../describe-failure';
import { fail, pass, warn } from '../types';

export const whatsappTemplatesCheck = defineCheck({
  id: 'whatsapp-templates',
  title: 'Reminder templates approved for WhatsApp',
  group: 'messaging',
  async run(ctx) {
    if (!ctx.env.TWILIO_WHATSAPP_FROM) {
      return pass('WhatsApp is not configured, so no templates are needed (reminders go by SMS).');
    }
    const templates = await ctx.whatsappTemplates();
    if (templates === 'whatsapp-off') {
      return pass(
        'The clinic’s reminder settings send every reminder by SMS, so no WhatsApp templates are needed.',
      );
    }
    if (templates === null || templates.length === 0) {
      return warn(
        'No reminder templates are mapped to WhatsApp Content templates yet.',
        'On the reminders settings page, give each reminder template the Content SID (HX…) of its approved WhatsApp template.',
      );
    }
    try {
      const lines: string[] = [];
      let worst: 'pass' | 'warn' | 'fail' = 'pass';
      for (const template of templates) {
        if (!template.contentSid) {
          lines.push(`${template.label}: no Content SID; sent by SMS only.`);
          worst = 'fail';
          continue;
        }
        const approval = await fetchContentApproval(template.contentSid, ctx.twilio());
        if (!approval) {
          lines.push(`${template.label}: ${template.contentSid} does not exist on this account.`);
          worst = 'fail';
        } else if (approval.status === 'approved') {
          lines.push(
            `${template.label}: ${template.contentSid} approved (${approval.category ?? 'category unknown'}).`,
          );
        } else if (approval.status === 'pending' || approval.status === 'received') {
          lines.push(`${template.label}: ${template.contentSid} waiting for Meta’s approval.`);
          if (worst === 'pass') worst = 'warn';
        } else {
          lines.push(
            `${template.label}: ${template.contentSid} ${approval.status}${approval.rejectionReason ? ` (${approval.rejectionReason})` : ''}.`,
          );
          worst = 'fail';
        }
      }
      if (worst === 'pass')
        return pass(`All ${templates.length} reminder templates are approved for WhatsApp.`, lines);
      const summary =
        worst === 'warn'
          ? 'Some reminder templates are still waiting for Meta’s approval.'
          : 'Some reminder templates cannot be sent on WhatsApp.';
      const fix =
        worst === 'warn'
          ? 'Wait for Meta’s decision (usually within a day); until then those reminders go by SMS.'
          : 'Submit each template for WhatsApp approval in the Twilio Console (Content Template Builder) and map its approved Content SID.';
      return worst === 'warn' ? warn(summary, fix, lines) : fail(summary, fix, lines);
    } catch (err) {
      return couldNotCheck('the WhatsApp templates', err);
    }
  },
});
