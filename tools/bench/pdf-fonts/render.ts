/**
 * Renders one single-layout badge (the API's own BadgeSheet) for a Latin-only, a Chinese, a
 * mixed-script participant and a Chinese one whose name has two Han ideographs of Extension B
 * (U+20000, U+2123D: HanaMinB's), N times each, and prints JSON: the PDF's size, the CPU time per
 * badge (user + system, from process.cpuUsage: the machine is shared, wall clock is noisy) for the
 * first badge of its kind in the process (fonts read from disk) and the median of the others, the
 * process's resident memory after them, and which fonts the PDF embeds. Then the same for a short
 * English synthesis in Chinese, without and with two ideographs of Extension B. Run by run.mjs
 * (ts-node with SWC).
 */
import type { CheckInCard } from '../../../libs/api/registrations/src/lib/check-in.port';
import { BadgeSheet } from '../../../libs/api/check-in/src/lib/badge-sheet';
import { DOCUMENT_LABELS } from '../../../libs/api/syntheses/src/lib/documents/document-labels';
import type { DocumentModel } from '../../../libs/api/syntheses/src/lib/documents/document-model';
import { renderSynthesisPdf } from '../../../libs/api/syntheses/src/lib/documents/synthesis-pdf';

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

/**
 * A short English synthesis (10 recommendations in Chinese), without and with two ideographs of
 * Extension B in its introduction and first recommendation: the synthesis renders in two passes
 * (two PDFKit documents), so HanaMinB is opened twice.
 */
function synthesis(extB: boolean): DocumentModel {
  const name = extB ? '陳𠀀𡈽明' : '陳小明';
  return {
    lang: 'en',
    labels: DOCUMENT_LABELS.en,
    title: 'Synthesis of recommendations',
    subtitle: 'Informal thematic session 3',
    facts: [['Date', '4 September 2027']],
    draft: false,
    introduction: [`共同主持人${name}请各国政府和民间社会提出建议。`],
    sections: [
      {
        number: 1,
        heading: 'Labour migration',
        items: Array.from({ length: 10 }, (_, i) => ({
          number: `1.${i + 1}`,
          reference: `GFMD-GCM-T3-D01-R${String(i + 1).padStart(2, '0')}`,
          text: `${i === 0 ? `${name}：` : ''}各国应与雇主、工会和移民组织合作，确保社会保护的可携带性，并承认跨境技能。`,
          meta: 'Dialogue 1 · 2027',
          url: `https://gfmd.example/recommendations/${i + 1}`,
        })),
      },
    ],
    sources: [{ title: 'GFMD thematic dialogue 1', date: '1 June 2027', languages: 'Chinese' }],
    languagesText: 'Chinese',
  };
}

function renderSynthesis(model: DocumentModel): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = renderSynthesisPdf(model);
  stream.on('data', (b: Buffer) => chunks.push(b));
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

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
  const all = [
    ...cases.map((c) => ({ name: c.name, render: () => render(c) })),
    { name: 'synthesis', render: () => renderSynthesis(synthesis(false)) },
    { name: 'synthesisExtB', render: () => renderSynthesis(synthesis(true)) },
  ];
  for (const c of all) {
    const times: number[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    for (let i = 0; i < runs; i++) {
      const start = process.cpuUsage();
      bytes = await c.render();
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
