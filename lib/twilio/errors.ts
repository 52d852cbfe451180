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

const permanent = (meaning: string): TwilioCodeInfo => ({ meaning, retryable: false });
const transient = (meaning: string): TwilioCodeInfo => ({ meaning, retryable: true });

// Codes the portal meets: REST errors when calling Twilio, and the delivery
// error_code a message can end with (30xxx, 63xxx). Not exhaustive.
export const twilioCodes: Readonly<Record<number, TwilioCodeInfo>> = {
  20001: permanent('A request parameter is missing or invalid.'),
  20003: permanent('Twilio refused our credentials (wrong or revoked account SID, auth token or API key).'),
  20004: permanent('Twilio does not allow this HTTP method on that resource.'),
  20005: permanent('The Twilio account is suspended or closed.'),
  20404: permanent('The Twilio resource does not exist (wrong SID, or it was deleted).'),
  20429: transient('Twilio is rate-limiting us: too many requests; wait and try again.'),
  20500: transient('Twilio had an internal error; try again later.'),
  20503: transient('Twilio is temporarily unavailable; try again later.'),
  21211: permanent('The recipient number is not a valid phone number.'),
  21212: permanent('The sender number is not valid.'),
  21266: permanent('The sender and recipient numbers are the same.'),
  21408: permanent(
    "Sending to this country is not enabled in the Twilio account's messaging geo permissions.",
  ),
  21602: permanent('The message has no text, media or template.'),
  21603: permanent('No sender number or Messaging Service was given.'),
  21604: permanent('No recipient number was given.'),
  21606: permanent('The sender number is not an SMS-capable number of this Twilio account.'),
  21608: permanent(
    'The Twilio account is a trial account and the recipient is not one of its verified numbers.',
  ),
  21609: permanent('The status callback URL is not valid.'),
  21610: permanent(
    'The recipient has opted out (replied STOP); they must reply START before we can message them.',
  ),
  21614: permanent('The recipient number is not a mobile number, so it cannot receive SMS.'),
  21617: permanent('The message text is longer than 1600 characters.'),
  21656: permanent('The template variables (ContentVariables) are not valid JSON of text values.'),
  21910: permanent('Sender and recipient are on different channels (e.g. WhatsApp sender, SMS recipient).'),
  30001: transient('The message queue overflowed; it was not sent.'),
  30002: permanent('The Twilio account was suspended when the message was due to be sent.'),
  30003: transient("The recipient's phone is switched off or out of coverage."),
  30004: permanent('The message was blocked, by the recipient or their carrier.'),
  30005: permanent('The recipient number does not exist or is no longer in service.'),
  30006: permanent('The recipient number is a landline or its carrier cannot be reached.'),
  30007: permanent("The recipient's carrier filtered the message (spam or content rules)."),
  30008: transient('Delivery failed for an unknown reason.'),
  30409: permanent('The message can no longer be canceled: it is no longer scheduled.'),
  35114: permanent('A scheduled message must be due between 15 minutes and 35 days from now.'),
  35118: permanent('Scheduling a message requires a Messaging Service.'),
  53105: permanent('The video room is full.'),
  53113: permanent('A video room with this name is already in progress.'),
  53118: permanent('The video room has already ended.'),
  53205: permanent(
    'The same person joined the video room from another device or tab, so this connection was closed.',
  ),
  63003: permanent('The recipient could not be reached on WhatsApp (the number may not use WhatsApp).'),
  63007: permanent('The WhatsApp sender (From) is not set up on this Twilio account.'),
  63016: permanent(
    'WhatsApp only allows an approved template outside the 24 hours after the person last messaged us.',
  ),
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

/** The first of the values that is a string (legacy and RFC 9457 bodies name their fields differently). */
function firstString(...values: unknown[]): string | null {
  return (values.find((v) => typeof v === 'string') as string | undefined) ?? null;
}

/** Maps a thrown value from a Twilio call to a TwilioError (returns it unchanged if it already is one). */
export function toTwilioError(err: unknown): TwilioError {
  if (err instanceof TwilioError) return err;
  const shape: ErrorShape = typeof err === 'object' && err !== null ? (err as ErrorShape) : {};

  // RestException (legacy JSON body) or TwilioServiceException (RFC 9457 body): Twilio answered with an error.
  if (typeof shape.status === 'number' && shape.isAxiosError !== true) {
    const status = shape.status;
    const code = typeof shape.code === 'number' ? shape.code : null;
    const moreInfo = firstString(shape.moreInfo, shape.type);
    const detail = firstString(shape.detail, shape.message);
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
