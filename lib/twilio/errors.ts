// Turns whatever a Twilio call threw into one typed TwilioError, and says in
// plain English what Twilio's codes mean. No 'twilio' import and no
// 'server-only', so the meaning table can also be shown in the UI.
//
// TwilioError.message is our plain-English text, safe to log. Twilio's own
// message goes to `detail` only: it often quotes the phone number ("The 'To'
// number +614… is not a valid phone number"), so never log `detail`.

export type TwilioErrorKind = 'rest' | 'timeout' | 'network' | 'unknown';

export interface TwilioCodeInfo {
  meaning: string;
  /** Whether sending the same thing again later can succeed. */
  retryable: boolean;
}

// Codes the portal meets: REST errors when calling Twilio, and the delivery
// error_code a message can end with (30xxx, 63xxx). Not exhaustive.
export const twilioCodes: Readonly<Record<number, TwilioCodeInfo>> = {
  20001: { meaning: 'A request parameter is missing or invalid.', retryable: false },
  20003: {
    meaning: 'Twilio refused our credentials (wrong or revoked account SID, auth token or API key).',
    retryable: false,
  },
  20004: { meaning: 'Twilio does not allow this HTTP method on that resource.', retryable: false },
  20005: { meaning: 'The Twilio account is suspended or closed.', retryable: false },
  20404: { meaning: 'The Twilio resource does not exist (wrong SID, or it was deleted).', retryable: false },
  20429: { meaning: 'Twilio is rate-limiting us: too many requests; wait and try again.', retryable: true },
  20500: { meaning: 'Twilio had an internal error; try again later.', retryable: true },
  20503: { meaning: 'Twilio is temporarily unavailable; try again later.', retryable: true },
  21211: { meaning: 'The recipient number is not a valid phone number.', retryable: false },
  21212: { meaning: 'The sender number is not valid.', retryable: false },
  21266: { meaning: 'The sender and recipient numbers are the same.', retryable: false },
  21408: {
    meaning: "Sending to this country is not enabled in the Twilio account's messaging geo permissions.",
    retryable: false,
  },
  21602: { meaning: 'The message has no text, media or template.', retryable: false },
  21603: { meaning: 'No sender number or Messaging Service was given.', retryable: false },
  21604: { meaning: 'No recipient number was given.', retryable: false },
  21606: {
    meaning: 'The sender number is not an SMS-capable number of this Twilio account.',
    retryable: false,
  },
  21608: {
    meaning: 'The Twilio account is a trial account and the recipient is not one of its verified numbers.',
    retryable: false,
  },
  21609: { meaning: 'The status callback URL is not valid.', retryable: false },
  21610: {
    meaning: 'The recipient has opted out (replied STOP); they must reply START before we can message them.',
    retryable: false,
  },
  21614: {
    meaning: 'The recipient number is not a mobile number, so it cannot receive SMS.',
    retryable: false,
  },
  21617: { meaning: 'The message text is longer than 1600 characters.', retryable: false },
  21656: {
    meaning: 'The template variables (ContentVariables) are not valid JSON of text values.',
    retryable: false,
  },
  21910: {
    meaning: 'Sender and recipient are on different channels (e.g. WhatsApp sender, SMS recipient).',
    retryable: false,
  },
  30001: { meaning: 'The message queue overflowed; it was not sent.', retryable: true },
  30002: {
    meaning: 'The Twilio account was suspended when the message was due to be sent.',
    retryable: false,
  },
  30003: { meaning: "The recipient's phone is switched off or out of coverage.", retryable: true },
  30004: { meaning: 'The message was blocked, by the recipient or their carrier.', retryable: false },
  30005: { meaning: 'The recipient number does not exist or is no longer in service.', retryable: false },
  30006: {
    meaning: 'The recipient number is a landline or its carrier cannot be reached.',
    retryable: false,
  },
  30007: {
    meaning: "The recipient's carrier filtered the message (spam or content rules).",
    retryable: false,
  },
  30008: { meaning: 'Delivery failed for an unknown reason.', retryable: true },
  30409: { meaning: 'The message can no longer be canceled: it is no longer scheduled.', retryable: false },
  35114: {
    meaning: 'A scheduled message must be due between 15 minutes and 35 days from now.',
    retryable: false,
  },
  35118: { meaning: 'Scheduling a message requires a Messaging Service.', retryable: false },
  53105: { meaning: 'The video room is full.', retryable: false },
  53113: { meaning: 'A video room with this name is already in progress.', retryable: false },
  53118: { meaning: 'The video room has already ended.', retryable: false },
  53205: {
    meaning:
      'The same person joined the video room from another device or tab, so this connection was closed.',
    retryable: false,
  },
  63003: {
    meaning: 'The recipient could not be reached on WhatsApp (the number may not use WhatsApp).',
    retryable: false,
  },
  63007: {
    meaning: 'The WhatsApp sender (From) is not set up on this Twilio account.',
    retryable: false,
  },
  63016: {
    meaning:
      'WhatsApp only allows an approved template outside the 24 hours after the person last messaged us.',
    retryable: false,
  },
};

export function describeTwilioCode(code: number | null | undefined): string {
  if (code === null || code === undefined) return 'Twilio call failed.';
  return twilioCodes[code]?.meaning ?? `Twilio error ${code}.`;
}

export class TwilioError extends Error {
  override readonly name = 'TwilioError';

  constructor(
    readonly kind: TwilioErrorKind,
    readonly code: number | null,
    readonly status: number | null,
    message: string,
    readonly moreInfo: string | null,
    readonly retryable: boolean,
    /** Twilio's own message text. May contain phone numbers: do not log it. */
    readonly detail: string | null = null,
  ) {
    super(message);
  }
}

// Errors from the HTTP layer (axios, Node sockets) that mean "try again", by code.
const timeoutCodes = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_NETWORK',
  'UND_ERR_SOCKET',
]);

interface ErrorShape {
  status?: unknown;
  code?: unknown;
  moreInfo?: unknown;
  type?: unknown;
  detail?: unknown;
  message?: unknown;
  isAxiosError?: unknown;
}

/** Maps a thrown value from a Twilio call to a TwilioError (returns it unchanged if it already is one). */
export function toTwilioError(err: unknown): TwilioError {
  if (err instanceof TwilioError) return err;
  const shape: ErrorShape = typeof err === 'object' && err !== null ? (err as ErrorShape) : {};

  // RestException (legacy JSON body) or TwilioServiceException (RFC 9457 body): Twilio answered with an error.
  if (typeof shape.status === 'number' && shape.isAxiosError !== true) {
    const status = shape.status;
    const code = typeof shape.code === 'number' ? shape.code : null;
    const moreInfo =
      typeof shape.moreInfo === 'string'
        ? shape.moreInfo
        : typeof shape.type === 'string'
          ? shape.type
          : null;
    const detail =
      typeof shape.detail === 'string'
        ? shape.detail
        : typeof shape.message === 'string'
          ? shape.message
          : null;
    const retryable = status === 429 || status >= 500;
    return new TwilioError('rest', code, status, describeTwilioCode(code), moreInfo, retryable, detail);
  }

  const errorCode = typeof shape.code === 'string' ? shape.code : '';
  const text = typeof shape.message === 'string' ? shape.message : '';
  // Retryable, with care: a create that timed out may still have happened at Twilio,
  // so a retried send must be one the caller can recognise as a duplicate.
  if (timeoutCodes.has(errorCode) || /timeout/i.test(text)) {
    return new TwilioError('timeout', null, null, 'Twilio did not answer in time.', null, true);
  }
  if (networkCodes.has(errorCode) || /socket hang up/i.test(text)) {
    return new TwilioError(
      'network',
      null,
      null,
      `Could not reach Twilio (${errorCode || 'connection lost'}).`,
      null,
      true,
    );
  }
  return new TwilioError('unknown', null, null, 'Twilio call failed unexpectedly.', null, false);
}
