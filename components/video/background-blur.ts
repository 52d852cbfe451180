// Background blur with @twilio/video-processors, loaded only when a camera is
// on. Its model, WebAssembly and worker files are served by the portal itself
// from /vendor/twilio-video-processors/ (copied there by
// scripts/copy-video-processor-assets.ts), never from a CDN.
import type { GaussianBlurBackgroundProcessor } from '@twilio/video-processors';

export const BLUR_ASSETS_PATH = '/vendor/twilio-video-processors/';

let loading: Promise<GaussianBlurBackgroundProcessor | null> | null = null;

/**
 * One processor for the page (a processor serves one track at a time, and the
 * page has one camera). Resolves null where the browser cannot blur (no
 * WebGL2/OffscreenCanvas, or the model failed to load).
 */
export function loadBlurProcessor(): Promise<GaussianBlurBackgroundProcessor | null> {
  loading ??= (async () => {
    const processors = await import('@twilio/video-processors');
    if (!processors.isSupported) return null;
    const processor = new processors.GaussianBlurBackgroundProcessor({
      assetsPath: BLUR_ASSETS_PATH,
      // Strong enough that a room's contents cannot be made out.
      blurFilterRadius: 20,
      maskBlurRadius: 8,
    });
    await processor.loadModel();
    return processor;
  })().catch(() => null);
  return loading;
}

/** Options for addProcessor: frames as VideoFrame where the browser has it, drawn with bitmaprenderer. */
export function blurAddOptions(): {
  inputFrameBufferType: 'videoframe' | 'video';
  outputFrameBufferContextType: 'bitmaprenderer' | '2d';
} {
  const hasVideoFrame = typeof window !== 'undefined' && 'VideoFrame' in window;
  return hasVideoFrame
    ? { inputFrameBufferType: 'videoframe', outputFrameBufferContextType: 'bitmaprenderer' }
    : { inputFrameBufferType: 'video', outputFrameBufferContextType: '2d' };
}
