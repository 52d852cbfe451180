import 'server-only';

// The one place the portal knows a stand-in for Twilio may exist. client.ts
// hands the official helper this RequestClient when one is configured; it
// rewrites each request's URL and otherwise behaves exactly like the stock one
// (same auth header, form encoding, timeouts, paging). Two conventions:
//  - the project's emulator (TWILIO_EMULATOR_URL) serves every Twilio domain
//    from one port, so it keeps the host in the path:
//    https://api.twilio.com/2010-04-01/… → <emulator>/api.twilio.com/2010-04-01/…
//  - a standard mock (TWILIO_MOCK_URLS), as Twilio's guide to mocking its API
//    with Prism sets it up: one Prism per OpenAPI file, hence per domain, and
//    the host swapped for the mock's with the path unchanged:
//    https://api.twilio.com/2010-04-01/… → http://127.0.0.1:4010/2010-04-01/…
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/** Where requests go instead of Twilio. `mockUrls` maps an API domain (api, video…) or '*' to a base URL. */
export type TwilioStandIn = { emulatorUrl: string } | { mockUrls: Record<string, string> };

function twilioUrl(uri: string, what: string): URL {
  const target = new URL(uri);
  if (target.protocol !== 'https:' || !target.hostname.endsWith('.twilio.com')) {
    throw new Error(`Only Twilio API URLs can be sent to ${what}`);
  }
  return target;
}

/** Maps a Twilio API URL onto the emulator; refuses anything that is not a Twilio URL. */
export function emulatorUri(emulatorUrl: string, uri: string): string {
  const target = twilioUrl(uri, 'the Twilio emulator');
  return `${emulatorUrl.replace(/\/+$/, '')}/${target.hostname}${target.pathname}${target.search}`;
}

/**
 * Maps a Twilio API URL onto the mock serving its domain: the host is swapped, the path kept. The
 * domain is the host's first label, so a region or edge (api.sydney.au1.twilio.com) maps as api.
 */
export function mockUri(mockUrls: Record<string, string>, uri: string): string {
  const target = twilioUrl(uri, 'a Twilio mock');
  const domain = target.hostname.split('.')[0]!;
  const base = mockUrls[domain] ?? mockUrls['*'];
  if (!base) {
    throw new Error(
      `No Twilio mock serves ${domain}.twilio.com: add ${domain}=<its URL> to TWILIO_MOCK_URLS, or *=<URL> for every other domain`,
    );
  }
  return `${base.replace(/\/+$/, '')}${target.pathname}${target.search}`;
}

export function standInUri(standIn: TwilioStandIn, uri: string): string {
  return 'emulatorUrl' in standIn ? emulatorUri(standIn.emulatorUrl, uri) : mockUri(standIn.mockUrls, uri);
}

export class EmulatorRequestClient extends twilio.RequestClient {
  private readonly standIn: TwilioStandIn;

  constructor(standIn: TwilioStandIn | string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.standIn = typeof standIn === 'string' ? { emulatorUrl: standIn } : standIn;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    let uri: string;
    try {
      uri = standInUri(this.standIn, opts.uri);
    } catch (err) {
      // A rejected call like any other failure, not a throw from inside the helper's promise chain.
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return super.request({ ...opts, uri });
  }
}
