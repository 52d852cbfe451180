// Every limit in one place, so the tiers can be read side by side. Stricter on
// credentials than on the patient's link; none of them lets a stranger lock a
// person out (docs/decisions/009-rate-limits.md).

/**
 * A throttle on failed attempts: the first `free` attempts in a row go through,
 * then every further one is followed by a wait that doubles (base, 2×base, …,
 * up to `maxBlockMs`). The count is forgotten after `quietMs` without attempts
 * once any wait has ended, and at once by a successful sign-in from that source.
 */
export type ThrottlePolicy = {
  name: string;
  free: number;
  baseBlockMs: number;
  maxBlockMs: number;
  quietMs: number;
};

/** A plain request rate: at most `limit` requests per `windowMs`, counted from the first. */
export type RatePolicy = { name: string; limit: number; windowMs: number };

const MINUTE = 60_000;

/** One network trying one account: the person who mistypes, or a guesser aimed at one account. */
export const SIGN_IN_SOURCE: ThrottlePolicy = {
  name: 'sign-in:source',
  free: 5,
  baseBlockMs: MINUTE,
  maxBlockMs: 60 * MINUTE,
  quietMs: 60 * MINUTE,
};

/** One network trying many accounts (a password spray); a shared office has room for its typos. */
export const SIGN_IN_NETWORK: ThrottlePolicy = {
  name: 'sign-in:network',
  free: 20,
  baseBlockMs: MINUTE,
  maxBlockMs: 60 * MINUTE,
  quietMs: 60 * MINUTE,
};

/**
 * One account tried from anywhere (guessing spread over many networks). High
 * and short, and never applied to a network the account has signed in from
 * before, so it cannot be used to keep the owner out.
 */
export const SIGN_IN_ACCOUNT: ThrottlePolicy = {
  name: 'sign-in:account',
  free: 50,
  baseBlockMs: MINUTE,
  maxBlockMs: 5 * MINUTE,
  quietMs: 15 * MINUTE,
};

/** Wrong authenticator or recovery codes after a right password, from anywhere. */
export const SECOND_FACTOR_ACCOUNT: ThrottlePolicy = {
  name: 'second-factor:account',
  free: 10,
  baseBlockMs: MINUTE,
  maxBlockMs: 15 * MINUTE,
  quietMs: 60 * MINUTE,
};

/** How long a network counts as one the account signs in from (exempt from SIGN_IN_ACCOUNT). */
export const KNOWN_SOURCE_MS = 90 * 24 * 60 * MINUTE;

/**
 * A patient's or guest's link. The join page makes a few dozen calls in a whole
 * session (its live updates reconnect at most once a second), so this is far above
 * normal use while stopping a script that hammers one link.
 */
export const VIDEO_LINK: RatePolicy = { name: 'video:link', limit: 120, windowMs: MINUTE };

/** The clinician's own token requests (signed in, no link). */
export const VIDEO_USER: RatePolicy = { name: 'video:user', limit: 120, windowMs: MINUTE };

/** Everything one network sends to the video routes: room for a clinic's shared connection. */
export const VIDEO_NETWORK: RatePolicy = { name: 'video:network', limit: 600, windowMs: MINUTE };
