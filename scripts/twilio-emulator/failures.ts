// Injected failures: "the next N calls matching X fail like this". Matched
// before authentication, because rate limits, outages and timeouts happen
// before Twilio looks at who is calling.
import { withoutChannel } from './formats';
import type { Product } from './openapi-spec';
import type { EmulatorState, Fault, RequestMatch } from './state';

export interface IncomingCall {
  method: string;
  product: Product;
  path: string;
  to: string | null;
}

/** The fault for this call, consuming one use of the first rule that matches; null if none does. */
export function takeFault(state: EmulatorState, call: IncomingCall): Fault | null {
  const index = state.failureRules.findIndex((rule) => matches(rule.match, call));
  const rule = state.failureRules[index];
  if (!rule) return null;
  if (rule.remaining !== 'always') {
    rule.remaining -= 1;
    if (rule.remaining <= 0) state.failureRules.splice(index, 1);
  }
  return rule.fault;
}

function matches(match: RequestMatch, call: IncomingCall): boolean {
  if (match.method !== undefined && match.method.toLowerCase() !== call.method.toLowerCase()) return false;
  if (match.product !== undefined && match.product !== call.product) return false;
  if (match.path !== undefined && !globToRegExp(match.path).test(call.path)) return false;
  if (match.to !== undefined && (call.to === null || withoutChannel(call.to) !== withoutChannel(match.to)))
    return false;
  return true;
}

/** `*` matches within one path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}
