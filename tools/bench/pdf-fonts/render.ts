/**
 * Renders one single-layout badge (the API's own BadgeSheet) for a Latin-only, a Chinese, a
 * mixed-script participant and a Chinese one whose name has two Han ideographs of Extension B
 * (U+20000, U+2123D: HanaMinB's), N times each, and prints JSON: the PDF's size, the CPU time per
 * badge (user + system, from process.cpuUsage: the machine is shared, wall clock is noisy) for the
 * first badge of its kind in the process (fonts read from disk) and the median of the others, the
 * process's resident memory after them, and which fonts the PDF embeds. Run by run.mjs (ts-node
 * with SWC).
 */
import type { CheckInCard } from '../../../libs/api/registrations/src/lib/check-in.port';
import { BadgeSheet } from '../../../libs/api/check-in/src/lib/badge-sheet';

const runs = Number(process.argv[2] ?? '20');

const card = (over: Partial<CheckInCard>): CheckInCard => ({
  id: '00000000-0000-4000-8000-000000000001',
  dialogueId: '00000000-0000-4000-8000-000000000002',
  title: null,
  firstName: 'Ana',
  lastName: 'Pérez',
  organization: 'Cities Alliance',
  country: 'Mexico',
  stakeholderGroup: 'local_authority',
  preferredLanguage: 'en',
  status: 'confirmed',
  checkedInAt: null,
  spaces: [],
  ...over,
});

const cases: { name: string; title: string; card: CheckInCard }[] = [
  { name: 'latin', title: 'Thematic dialogue on labour mobility', card: card({}) },
  {
    name: 'chinese',
    title: '移民与发展对话 2027',
    card: card({ firstName: '小明', lastName: '王', organization: '中国移民研究中心', country: '中国' }),
  },
  {
    name: 'mixed',
    title: '移民与发展对话 الحوار Диалог 2027',
    card: card({
      firstName: '한국어 䶮 龘',
      lastName: '中文 العربية Русский English',
      organization: '국제이주기구 中国移民研究中心 منظمة Фонд',
      country: 'Республика Корея',
    }),
  },
  {
    name: 'extB',
    title: '移民与发展对话 2027',
    card: card({ firstName: '小明𠀀𡈽', lastName: '王', organization: '中国移民研究中心', country: '中国' }),
  },
];

function render(c: (typeof cases)[number]): Promise<Buffer> {
  const sheet = BadgeSheet.create('single', { title: c.title, dates: '8–9 May 2027' });
  const chunks: Buffer[] = [];
  sheet.doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => sheet.doc.on('end', () => resolve(Buffer.concat(chunks))));
  sheet.add(c.card, 'GFMD1.bench-code-0123456789abcdef', null);
  sheet.end();
  return done;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function main() {
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    const times: number[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    for (let i = 0; i < runs; i++) {
      const start = process.cpuUsage();
      bytes = await render(c);
      times.push(cpuMs(process.cpuUsage(start)));
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    const fonts = [
      ...new Set([...bytes.toString('latin1').matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((m) => m[1])),
    ];
    out[c.name] = {
      bytes: bytes.length,
      firstCpuMs: Math.round(times[0] * 10) / 10,
      medianCpuMs: Math.round((rest[Math.floor(rest.length / 2)] ?? times[0]) * 10) / 10,
      rssMb: Math.round(process.memoryUsage().rss / 1e5) / 10,
      fonts: fonts.map((f) => f.replace(/^[A-Z]{6}\+/, '')),
    };
  }
  process.stdout.write(JSON.stringify(out));
}

void main();
