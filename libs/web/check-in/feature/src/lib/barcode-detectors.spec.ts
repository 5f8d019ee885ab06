import { chooseDetector, loadZxingDetector, type QrDetectorCtor } from './barcode-detectors';

class Native {
  static formats: readonly string[] = ['qr_code', 'ean_13'];
  static getSupportedFormats = () => Promise.resolve(Native.formats);
  detect = () => Promise.resolve([]);
}
class Polyfill {
  detect = () => Promise.resolve([]);
}
const native = Native as unknown as QrDetectorCtor;
const polyfill = Polyfill as unknown as QrDetectorCtor;

describe(chooseDetector.name, () => {
  afterEach(() => (Native.formats = ['qr_code', 'ean_13']));

  it('uses the browser’s own reader when it reads QR codes, without loading the polyfill', async () => {
    const load = jest.fn(() => Promise.resolve(polyfill));
    const sut = await chooseDetector({ BarcodeDetector: native, WebAssembly: {} }, load);
    expect(sut).toEqual({ kind: 'native', Detector: native });
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the polyfill where the browser has no BarcodeDetector', async () => {
    const load = jest.fn(() => Promise.resolve(polyfill));
    expect(await chooseDetector({ WebAssembly: {} }, load)).toEqual({ kind: 'polyfill', Detector: polyfill });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads the polyfill where the browser’s BarcodeDetector reads no QR codes (Chromium on Linux)', async () => {
    Native.formats = [];
    const load = jest.fn(() => Promise.resolve(polyfill));
    expect(await chooseDetector({ BarcodeDetector: native, WebAssembly: {} }, load)).toEqual({
      kind: 'polyfill',
      Detector: polyfill,
    });
  });

  it('answers none without WebAssembly, or when the polyfill cannot load (the door types codes)', async () => {
    const load = jest.fn(() => Promise.resolve(polyfill));
    expect(await chooseDetector({}, load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(await chooseDetector({ WebAssembly: {} }, () => Promise.reject(new Error('chunk')))).toBeNull();
  });
});

describe(loadZxingDetector.name, () => {
  it('serves the .wasm from the app’s own assets, never a CDN', async () => {
    const prepare = jest.fn();
    jest.doMock('barcode-detector/ponyfill', () => ({ BarcodeDetector: Polyfill, prepareZXingModule: prepare }));
    const sut = await loadZxingDetector('https://dialogues.example.org/'); // the app's <base href="/">;
    expect(sut).toBe(Polyfill);
    const { locateFile } = prepare.mock.calls[0][0].overrides;
    expect(locateFile('zxing_reader.wasm', 'https://cdn.example/')).toBe(
      'https://dialogues.example.org/assets/zxing/zxing_reader.wasm',
    );
  });
});
