// One file's video set-up: the emulator and callback server start and a clinic
// world is made before the file's tests, and all of it stops after them.
import { afterAll, beforeAll } from 'vitest';

import {
  createAppointment,
  createVideoWorld,
  startVideoServices,
  type VideoTestServices,
  type VideoWorld,
} from '@/tests/helpers/video-fixtures';

export { signedIn } from '@/tests/helpers/signed-in-user';

export type VideoSuite = {
  services: VideoTestServices;
  world: VideoWorld;
  /** createAppointment in this suite's world. */
  appointment(options?: Parameters<typeof createAppointment>[1]): Promise<string>;
};

/**
 * The emulator's status callbacks reach the real route unless `ignoreCallbacks`
 * (files that make no room, so nothing calls back). `closeFirst` closes what
 * the file's tests opened (listeners) before the services stop.
 */
export function setUpVideoSuite(
  options: { ignoreCallbacks?: boolean; closeFirst?: (() => Promise<void>)[] } = {},
): VideoSuite {
  // Filled in by beforeAll: tests read suite.services and suite.world.
  const suite = { appointment: (options) => createAppointment(suite.world, options) } as VideoSuite;
  beforeAll(async () => {
    // Imported here, after the test file's mocks are in place, as the file would import it.
    const { POST: statusCallback } = await import('@/app/api/appointments/twilio-status-callback/route');
    suite.services = await startVideoServices(
      options.ignoreCallbacks ? async () => new Response(null, { status: 204 }) : statusCallback,
    );
    suite.world = await createVideoWorld();
  });
  afterAll(async () => {
    for (const close of options.closeFirst ?? []) await close();
    await suite.services?.stop();
  });
  return suite;
}
