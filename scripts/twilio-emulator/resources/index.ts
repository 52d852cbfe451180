// Every emulated Twilio resource. To add one (Usage Records, Keys, Pricing,
// Content templates…): write resources/<name>.ts exporting a RegisterResource
// that adds routes named by their OpenAPI path templates, and list it here.
import { registerAccounts } from './accounts';
import { registerBalance } from './balance';
import { registerContent } from './content';
import { registerIncomingPhoneNumbers } from './incoming-phone-numbers';
import { registerKeys } from './keys';
import { registerMessages } from './messages';
import { registerOutgoingCallerIds } from './outgoing-caller-ids';
import { registerPricing } from './pricing';
import type { RegisterResource } from './resource';
import { registerRoomParticipants } from './room-participants';
import { registerRooms } from './rooms';
import { registerUsageRecords } from './usage-records';
import { registerUsageTriggers } from './usage-triggers';

export const resources: RegisterResource[] = [
  registerAccounts,
  registerBalance,
  registerIncomingPhoneNumbers,
  registerOutgoingCallerIds,
  registerMessages,
  registerRooms,
  registerRoomParticipants,
  registerKeys,
  registerUsageRecords,
  registerUsageTriggers,
  registerPricing,
  registerContent,
];
