// One error type for everything the portal refuses on purpose. The message is
// written for the person who sees it; it must not contain patient data.
export const errorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  // A patient's or guest's link that no longer works (lib/video/links/dead-link.ts).
  LINK_REVOKED: 410,
  LINK_REPLACED: 410,
  LINK_EXPIRED: 410,
  APPOINTMENT_CANCELLED: 410,
  APPOINTMENT_CLOSED: 410,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  UPSTREAM_FAILED: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Field-level messages for forms and JSON clients. */
  readonly fieldErrors?: Record<string, string[]>;
  /** Extra JSON-safe details a client can act on (e.g. when a window opens). */
  readonly details?: Record<string, string | number | boolean | null>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fieldErrors?: Record<string, string[]>; details?: AppError['details']; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
