import 'server-only';

// Every readiness check, in the order the page and the CLI show them. Add a
// check by writing checks/<name>.ts and listing it here.
import { accountStatusCheck } from './checks/account-status';
import { accountTypeCheck } from './checks/account-type';
import { apiKeyAgeCheck } from './checks/api-key-age';
import { balanceCheck } from './checks/balance';
import { envVariablesCheck } from './checks/env-variables';
import { manualItemCheck, manualItems } from './checks/manual-items';
import { phoneNumberCheck } from './checks/phone-number';
import { restRegionCheck } from './checks/rest-region';
import { statusCallbackUrlCheck } from './checks/status-callback-url';
import { usageTriggersCheck } from './checks/usage-triggers';
import { videoApiKeyCheck } from './checks/video-api-key';
import { videoRoomRegionCheck } from './checks/video-room-region';
import { webhookSignaturesCheck } from './checks/webhook-signatures';
import { whatsappSenderCheck } from './checks/whatsapp-sender';
import { whatsappTemplatesCheck } from './checks/whatsapp-templates';
import type { ReadinessCheck } from './define-check';

export const readinessChecks: ReadinessCheck[] = [
  envVariablesCheck,
  restRegionCheck,
  accountTypeCheck,
  accountStatusCheck,
  balanceCheck,
  phoneNumberCheck,
  whatsappSenderCheck,
  whatsappTemplatesCheck,
  videoApiKeyCheck,
  videoRoomRegionCheck,
  statusCallbackUrlCheck,
  webhookSignaturesCheck,
  apiKeyAgeCheck,
  usageTriggersCheck,
  ...manualItems.map(manualItemCheck),
];
