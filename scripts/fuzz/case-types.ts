// The shapes shared by the fuzz case generators and their callers.
export type FuzzCase = {
  /** What was sent, in a few words (printed for a 5xx). */
  name: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** Path and query, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
};

export type PlantedValues = { phone: string; text: string; email: string };

export type FuzzOptions = {
  /** The server's public address (its APP_URL): webhooks are signed for it. */
  appUrl: string;
  /** The TWILIO_AUTH_TOKEN the server runs with. */
  authToken: string;
  /** Server action ids from the build's server-reference-manifest.json (may be empty). */
  actionIds: string[];
  planted: PlantedValues;
  seed?: number;
  /**
   * false in the end-to-end suite, whose other specs read the same database:
   * signed requests that could be accepted by the reply and billing webhooks
   * (a reply waiting for staff, a billing alert) are sent unsigned instead.
   */
  sideEffects?: boolean;
};

export type Params = Record<string, string>;

/** A seeded random number in [0, 1). */
export type Random = () => number;
/** One item of a list, chosen with the seeded random numbers. */
export type Picker = <T>(list: readonly T[]) => T;
