import 'server-only';

// Two different places: where Twilio processes API requests (message text,
// phone numbers: TWILIO_REGION/TWILIO_EDGE, default us1 in the United States)
// and where video media flows (TWILIO_VIDEO_MEDIA_REGION). Stated side by side
// so the clinic's privacy notice can say where data goes.
import { defineCheck } from '../define-check';
import { pass, warn } from '../types';

export const restRegionCheck = defineCheck({
  id: 'rest-region',
  title: 'Where Twilio processes data',
  group: 'configuration',
  async run({ env }) {
    const region = env.TWILIO_REGION ?? 'us1';
    const edge = env.TWILIO_EDGE ?? (env.TWILIO_REGION ? 'the region’s default edge' : 'the nearest edge');
    const media = env.TWILIO_VIDEO_MEDIA_REGION;
    const statement = `API requests (message text, phone numbers): region ${region} via ${edge}. Video media: ${media}.`;
    const details = [
      statement,
      'Video access tokens need a US1 API key whatever the REST region; Twilio Regions other than us1 need credentials made in that region.',
    ];
    if (!env.TWILIO_REGION) {
      return warn(
        `Twilio processes the portal’s API requests in the United States (us1); video media stays in ${media}.`,
        'If the clinic wants API traffic processed in Australia, set TWILIO_REGION=au1 and TWILIO_EDGE=sydney (with au1 credentials); otherwise say us1 in the privacy notice.',
        details,
      );
    }
    return pass(statement, details);
  },
});
