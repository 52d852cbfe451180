// Copies @twilio/video-processors' runtime files (segmentation model,
// TensorFlow Lite WebAssembly and loaders, blur worker) into
// public/vendor/twilio-video-processors/, from where the portal serves them
// itself: never from a CDN. Run before `next build` and `next dev`
// (package.json); the folder is generated, not committed. Idempotent: files
// already up to date are left alone.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@twilio/video-processors/package.json'));
const source = path.join(packageDir, 'dist', 'build');
const target = path.join(root, 'public', 'vendor', 'twilio-video-processors');

/** What GaussianBlurBackgroundProcessor loads from assetsPath (es5/constants.js). */
export const VIDEO_PROCESSOR_ASSETS = [
  'selfie_segmentation_landscape.tflite',
  'tflite-1-0-0.js',
  'tflite-1-0-0.wasm',
  'tflite-simd-1-0-0.js',
  'tflite-simd-1-0-0.wasm',
  'twilio-gaussian-blur-background-processor-pipeline-worker.js',
];

mkdirSync(target, { recursive: true });
let copied = 0;
for (const name of VIDEO_PROCESSOR_ASSETS) {
  const from = path.join(source, name);
  const to = path.join(target, name);
  if (!existsSync(from))
    throw new Error(`@twilio/video-processors has no ${name}; was the package upgraded?`);
  if (
    existsSync(to) &&
    statSync(to).size === statSync(from).size &&
    statSync(to).mtimeMs >= statSync(from).mtimeMs
  ) {
    continue;
  }
  copyFileSync(from, to);
  copied++;
}
const version = (
  JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
).version;
writeFileSync(path.join(target, 'VERSION'), `@twilio/video-processors ${version}\n`);
console.log(
  `Video processor assets: ${copied} copied, ${VIDEO_PROCESSOR_ASSETS.length - copied} up to date in public/vendor/twilio-video-processors/`,
);
