import { signal } from '@angular/core';
import { chooseDetector, type ChosenDetector } from './barcode-detectors';

export type CameraState = 'off' | 'starting' | 'on' | 'unsupported' | 'denied';

/**
 * Reads QR codes from the back camera a few times a second, with the browser's BarcodeDetector
 * where it reads QR codes and the ZXing polyfill (lazy chunk, .wasm from the app's own assets)
 * where not; the same code is reported once per 3 seconds (a badge held in front of the camera is
 * one scan). Without either (no camera API, no WebAssembly) the state is `unsupported` and the
 * door types the code or searches by name.
 */
export class BarcodeCamera {
  readonly state = signal<CameraState>('off');
  /** Which reader the camera uses, once started (shown to the door, and read by tests). */
  readonly reader = signal<ChosenDetector['kind'] | null>(null);
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = { value: '', at: 0 };

  constructor(
    private readonly onCode: (value: string) => void,
    private readonly choose: () => Promise<ChosenDetector | null> = () => chooseDetector(),
  ) {
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) this.state.set('unsupported');
  }

  async start(video: HTMLVideoElement): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.state.set('unsupported');
      return;
    }
    this.state.set('starting');
    const chosen = await this.choose();
    if (!chosen) {
      this.state.set('unsupported');
      return;
    }
    this.reader.set(chosen.kind);
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      this.state.set('denied');
      return;
    }
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    this.state.set('on');
    const detector = new chosen.Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (this.state() !== 'on') return;
      try {
        const [hit] = video.readyState >= 2 ? await detector.detect(video) : [];
        this.seen(hit?.rawValue);
      } catch {
        // A frame the detector could not read: try the next one.
      }
      this.timer = setTimeout(() => void tick(), 200);
    };
    void tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    if (this.state() === 'on' || this.state() === 'starting') this.state.set('off');
  }

  private seen(value: string | undefined): void {
    const now = Date.now();
    if (value && (value !== this.last.value || now - this.last.at > 3000)) {
      this.last = { value, at: now };
      this.onCode(value);
    }
  }
}
