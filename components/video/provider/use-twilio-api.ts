'use client';

// twilio-video, downloaded on demand (and early, when the browser is idle).
import { useCallback, useEffect, useState } from 'react';

import { loadTwilioVideo, warmTwilioVideo, type TwilioVideoApi } from '@/components/video/twilio-connect';

export function useTwilioApi(warm: boolean) {
  /** twilio-video downloaded and usable here (null: not known yet). */
  const [supported, setSupported] = useState<boolean | null>(null);

  useEffect(() => {
    if (warm) warmTwilioVideo();
  }, [warm]);

  const ensureApi = useCallback(async (): Promise<TwilioVideoApi> => {
    const loaded = await loadTwilioVideo();
    setSupported(loaded.isSupported);
    return loaded;
  }, []);

  return { supported, ensureApi };
}
