/** What door mode needs of a BarcodeDetector (the browser's own or the ZXing polyfill). */
export interface QrDetector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
export type QrDetectorCtor = (new (options: { formats: 'qr_code'[] }) => QrDetector) & {
  getSupportedFormats?: () => Promise<readonly string[]>;
};

/** Which reader door mode uses: the browser's own, the ZXing polyfill, or none (type the code). */
export interface ChosenDetector {
  kind: 'native' | 'polyfill';
  Detector: QrDetectorCtor;
}

/** Where the build puts zxing-wasm's reader (apps/web/project.json assets): the app's own origin, never a CDN. */
export const ZXING_WASM_DIR = 'assets/zxing/';

/**
 * Loads the ZXing polyfill (a separate lazy chunk: it is imported only here, when a door without
 * a native reader starts its camera) and points its .wasm at the app's own assets, so door mode
 * works with no Internet access beyond the API.
 */
export async function loadZxingDetector(baseUri: string): Promise<QrDetectorCtor> {
  const zxing = await import('barcode-detector/ponyfill');
  zxing.prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? new URL(`${ZXING_WASM_DIR}${path}`, baseUri).href : prefix + path,
    },
  });
  return zxing.BarcodeDetector;
}

/**
 * The browser's BarcodeDetector when it reads QR codes (some builds, such as Chromium on Linux,
 * have the class but no formats), else the ZXing polyfill, else null (a browser without
 * WebAssembly, or the chunk failed to load: the door types the code or searches by name).
 */
export async function chooseDetector(
  scope: { BarcodeDetector?: QrDetectorCtor; WebAssembly?: unknown } = globalThis as never,
  loadPolyfill: () => Promise<QrDetectorCtor> = () => loadZxingDetector(document.baseURI),
): Promise<ChosenDetector | null> {
  const native = scope.BarcodeDetector;
  if (native) {
    const formats = await native.getSupportedFormats?.().catch((): readonly string[] => []);
    if (!formats || formats.includes('qr_code')) return { kind: 'native', Detector: native };
  }
  if (!scope.WebAssembly) return null;
  try {
    return { kind: 'polyfill', Detector: await loadPolyfill() };
  } catch {
    return null;
  }
}
