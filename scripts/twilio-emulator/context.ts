// What every resource and lifecycle module is handed: the settings the emulator
// was started with, its state, its clock and its outgoing callbacks.
import type { CallbackSender } from './callbacks';
import type { Logger } from './log';
import type { Scheduler } from './scheduler';
import type { EmulatorState } from './state';

export interface ApiKey {
  sid: string;
  secret: string;
  friendlyName?: string;
  /** The Twilio region the key was made in (default us1). */
  region?: string;
  /** When it was made (default: when the emulator started), for key-age checks. */
  dateCreated?: Date;
}

export interface EmulatorConfig {
  accountSid: string;
  authToken: string;
  apiKeys: ApiKey[];
  /** Time between a message's status steps (queued → sent → delivered). */
  messageStepMs: number;
  /** How long a Twilio "minute" lasts here, for room timeouts; tests shrink it. */
  minuteMs: number;
}

export interface EmulatorContext {
  config: EmulatorConfig;
  state: EmulatorState;
  scheduler: Scheduler;
  callbacks: CallbackSender;
  log: Logger;
}
