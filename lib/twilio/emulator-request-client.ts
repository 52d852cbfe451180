import 'server-only';

// The one place the portal knows the local Twilio emulator exists. When
// TWILIO_EMULATOR_URL is set, client.ts hands the official helper this
// RequestClient, which sends https://<host>.twilio.com/<path> to
// <TWILIO_EMULATOR_URL>/<host>.twilio.com/<path> and otherwise behaves exactly
// like the stock one (same auth header, form encoding, timeouts, paging).
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/** Maps a Twilio API URL onto the emulator; refuses anything that is not a Twilio URL. */
export function emulatorUri(emulatorUrl: string, uri: string): string {
  const target = new URL(uri);
  if (target.protocol !== 'https:' || !target.hostname.endsWith('.twilio.com')) {
    throw new Error('Only Twilio API URLs can be sent to the Twilio emulator');
  }
  return `${emulatorUrl.replace(/\/+$/, '')}/${target.hostname}${target.pathname}${target.search}`;
}

export class EmulatorRequestClient extends twilio.RequestClient {
  constructor(
    private readonly emulatorUrl: string,
    options?: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: emulatorUri(this.emulatorUrl, opts.uri) });
  }
}
