// Errors the emulator answers with, in Twilio's own JSON shape:
// {"code":20404,"message":"…","more_info":"https://www.twilio.com/docs/errors/20404","status":404}
// Handlers throw TwilioApiError; the server turns it into that body.

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

// The errors more than one module raises. Texts follow Twilio's where known;
// resource-specific ones live next to the rule that raises them.
export const apiErrors = {
  authenticate: () => new TwilioApiError(401, 20003, 'Authenticate'),
  accountNotActive: () => new TwilioApiError(401, 20005, 'Account not active'),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  methodNotAllowed: (method: string) => new TwilioApiError(405, 20004, `Method not allowed: ${method}`),
  invalidParameter: (message: string) => new TwilioApiError(400, 20001, message),
  tooManyRequests: () => new TwilioApiError(429, 20429, 'Too Many Requests'),
  internal: () => new TwilioApiError(500, 20500, 'Internal Server Error'),
  unavailable: () => new TwilioApiError(503, 20503, 'Service is unavailable, please try again'),
};
