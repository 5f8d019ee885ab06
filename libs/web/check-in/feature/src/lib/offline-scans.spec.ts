import { OfflineScans, type PendingScan, type ScanStorage } from './offline-scans';

const memory = (): ScanStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const scan = (scanId: string): PendingScan => ({
  scanId,
  code: `C1${scanId}`,
  dialogueId: 'd',
  scannedAt: '2026-12-06T08:00:00.000Z',
});

describe(OfflineScans.name, () => {
  it('keeps scans across instances (a reload) and once per scan id', () => {
    const storage = memory();
    new OfflineScans(storage).add(scan('a'));
    new OfflineScans(storage).add(scan('a'));
    new OfflineScans(storage).add(scan('b'));
    expect(new OfflineScans(storage).all().map((s) => s.scanId)).toEqual(['a', 'b']);
  });

  it('replays in order, drops what was answered and keeps the rest while offline', async () => {
    const sut = new OfflineScans(memory());
    ['a', 'b', 'c'].forEach((id) => sut.add(scan(id)));
    const sent: string[] = [];
    const n = await sut.replay(async (s) => {
      if (s.scanId === 'b') return 'offline';
      sent.push(s.scanId);
      return 'answered';
    });
    expect(n).toBe(1);
    expect(sent).toEqual(['a']);
    expect(sut.all().map((s) => s.scanId)).toEqual(['b', 'c']);
    expect(await sut.replay(async () => 'answered')).toBe(2);
    expect(sut.all()).toEqual([]);
  });

  it('survives a spoilt store', () => {
    const storage = memory();
    storage.setItem('gfmd.door.pendingScans', '{not json');
    expect(new OfflineScans(storage).all()).toEqual([]);
  });
});
