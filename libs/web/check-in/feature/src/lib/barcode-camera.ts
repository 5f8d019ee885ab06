import { signal } from '@angular/core';

interface DetectedBarcode {
  rawValue: string;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
};

/** The browser's own QR reader, when it has one (Chromium on Android and desktop, Safari 17+). */
export function barcodeDetector(): BarcodeDetectorCtor | null {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector ?? null;
}

export type CameraState = 'off' | 'starting' | 'on' | 'unsupported' | 'denied';

/**
 * Reads QR codes from the back camera with BarcodeDetector, a few times a second; the same code
 * is reported once per 3 seconds (a badge held in front of the camera is one scan). Where the
 * browser has no BarcodeDetector the state is `unsupported` and the door types the code or
 * searches by name (no ZXing polyfill is installed in this project).
 */
export class BarcodeCamera {
  readonly state = signal<CameraState>(barcodeDetector() ? 'off' : 'unsupported');
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = { value: '', at: 0 };

  constructor(private readonly onCode: (value: string) => void) {}

  async start(video: HTMLVideoElement): Promise<void> {
    const Detector = barcodeDetector();
    if (!Detector || !navigator.mediaDevices?.getUserMedia) {
      this.state.set('unsupported');
      return;
    }
    this.state.set('starting');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      this.state.set('denied');
      return;
    }
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    this.state.set('on');
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (this.state() !== 'on') return;
      try {
        const [hit] = video.readyState >= 2 ? await detector.detect(video) : [];
        const now = Date.now();
        if (hit?.rawValue && (hit.rawValue !== this.last.value || now - this.last.at > 3000)) {
          this.last = { value: hit.rawValue, at: now };
          this.onCode(hit.rawValue);
        }
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
}
