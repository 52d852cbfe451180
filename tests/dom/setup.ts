// Render tests: each test starts from an empty document, and the video
// components meet the fake twilio-video (helpers/fake-twilio.ts) instead of the
// SDK, with no background blur (it needs WebGL).
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

vi.mock('@/components/video/twilio-connect', async () => {
  const { installedTwilioApi } = await import('./helpers/fake-twilio');
  return { loadTwilioVideo: async () => installedTwilioApi(), warmTwilioVideo: () => {} };
});
vi.mock('@/components/video/background-blur', () => ({
  loadBlurProcessor: async () => null,
  blurAddOptions: () => ({}),
}));

afterEach(() => cleanup());
