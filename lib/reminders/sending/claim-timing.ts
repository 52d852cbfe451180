// How long a claimed send is given before anyone else may act on it.
//
// A worker writes its claim, then calls Twilio with a 15 s timeout. If the
// claim is still unresolved SETTLE_MS later, its worker is taken as dead and
// its call as finished either way: Twilio has made the message or never will.
// Only then may another worker look it up at Twilio and, if absent, send. The
// margin over the timeout covers a slow database write after the call.
export const SETTLE_MS = 60_000;

/** Twilio's clock against ours, when looking for messages created since a claim. */
export const CLOCK_SKEW_MS = 2 * 60_000;
