/**
 * Renders a synthesis of N recommendations as PDF and DOCX (the API's own renderers) and, as the
 * baseline measured in the same run, as a plain text dump of the same content; prints JSON with
 * the time and the growth of heap and RSS of each. Run by run.mjs (ts-node with SWC).
 */
import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { documentModel, type DocumentModel } from '../../../libs/api/syntheses/src/lib/documents/document-model';
import { renderSynthesisDocx } from '../../../libs/api/syntheses/src/lib/documents/synthesis-docx';
import { renderSynthesisPdf } from '../../../libs/api/syntheses/src/lib/documents/synthesis-pdf';
import type { SynthesisContent } from '../../../libs/api/syntheses/src/lib/syntheses.service';

const count = Number(process.argv[2] ?? '300');
const themeId = '00000000-0000-4000-8000-000000000001';
const references = Array.from(
  { length: count },
  (_, i) => `GFMD-GCM-T3-D${String(1 + Math.floor(i / 20)).padStart(2, '0')}-R${String(1 + (i % 20)).padStart(2, '0')}`,
);
const recommendations = new Map(
  references.map((reference, i) => [
    reference,
    {
      reference,
      text: `Recommendation ${i + 1}: States, in cooperation with employers, trade unions and migrant organizations, should ensure the portability of social protection and recognise skills across borders, so that labour mobility benefits migrants, their families and communities of origin and destination alike.`,
      kind: (i % 2 ? 'good_practice' : 'policy_recommendation') as 'good_practice' | 'policy_recommendation',
      themeIds: [themeId],
      addressedTo: ['government' as const, 'civil_society' as const],
      dialogueId: `d${Math.floor(i / 20)}`,
      dialogueTitle: `GFMD thematic dialogue ${1 + Math.floor(i / 20)} on labour mobility`,
      dialogueStartsAt: '2017-06-01T08:00:00.000Z',
      informalSessionId: 's3',
      languages: ['en' as const, 'fr' as const, 'es' as const],
      withdrawn: false,
      url: `https://gfmd.example/recommendations/${reference}`,
    },
  ]),
);
const content = {
  synthesis: {
    informalSessionId: 's3',
    title: 'Informal thematic session 3',
    introduction: 'The co-facilitators asked for the recommendations of the GFMD.\n\n'.repeat(5),
    dueAt: '2017-08-01T00:00:00.000Z',
    dueAtSet: false,
    status: 'published',
    version: 1,
    sections: [
      { themeId, kind: 'policy_recommendation', references: references.filter((_, i) => i % 2 === 0) },
      { themeId, kind: 'good_practice', references: references.filter((_, i) => i % 2 === 1) },
    ],
    publishedVersion: 1,
    publishedAt: '2017-07-20T00:00:00.000Z',
    late: false,
  },
  target: {
    target: 'informal-sessions',
    id: 's3',
    processId: 'p',
    title: 'Informal thematic session 3: Labour migration and decent work',
    startsAt: new Date('2017-09-04T08:00:00Z'),
    timeZone: 'America/New_York',
    venue: 'New York',
    milestoneKind: null,
    sessionIds: ['s3'],
  },
  recommendations,
} as unknown as SynthesisContent;
const model: DocumentModel = documentModel(content, [{ id: themeId, code: 'T3', title: 'Labour migration' }], 'en');

/** The baseline: the same content as plain text, written in the same streamed way. */
function plainText(m: DocumentModel): Readable {
  const lines = [m.title, m.subtitle, ...m.introduction];
  for (const s of m.sections) {
    lines.push(`${s.number}. ${s.heading}`);
    for (const it of s.items) lines.push(`${it.number} ${it.reference}`, it.text, it.meta);
  }
  for (const d of m.sources) lines.push(d.title, d.date);
  lines.push(m.languagesText);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Readable: R } = require('node:stream') as typeof import('node:stream');
  return R.from(lines.map((l) => `${l}\n`));
}

async function measure(name: string, render: () => Readable) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    });
    const stream = render();
    stream.on('error', reject);
    sink.on('finish', resolve);
    stream.pipe(sink);
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return {
    name,
    ms: Math.round(ms),
    /** CPU time of this process: what the work costs, whatever else the machine is doing. */
    cpuMs: Math.round((used.user + used.system) / 1000),
    bytes,
    heapGrowthMb: +((peakHeap - before.heapUsed) / 1048576).toFixed(1),
    rssGrowthMb: +((peakRss - before.rss) / 1048576).toFixed(1),
  };
}

async function main() {
  // One warm-up of each (module loading and JIT are not what is measured).
  await measure('warm-up', () => renderSynthesisPdf(model));
  await measure('warm-up', () => renderSynthesisDocx(model));
  const baseline = await measure('plain text', () => plainText(model));
  const pdf = await measure('pdf', () => renderSynthesisPdf(model));
  const docx = await measure('docx', () => renderSynthesisDocx(model));
  process.stdout.write(JSON.stringify({ count, baseline, pdf, docx }));
}

main().catch((error: Error) => {
  process.stderr.write(`render: ${error.stack}\n`);
  process.exit(1);
});
