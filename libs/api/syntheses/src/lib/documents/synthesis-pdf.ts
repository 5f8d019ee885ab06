import PDFDocument from 'pdfkit';
import { PassThrough, type Readable } from 'node:stream';
import type { DocumentModel } from './document-model';

type Doc = InstanceType<typeof PDFDocument>;

/** Where each heading fell (page numbers, 1-based) and how many pages there are: the first pass's findings. */
interface Layout {
  pages: Map<string, number>;
  total: number;
}

const MARGIN = 72;
const BRAND = '#005a9c';
const MUTED = '#52606d';
const TEXT = '#1f2933';
/** Yield to the event loop (so the reply drains) every so many recommendations. */
const CHUNK = 25;

/**
 * The synthesis as a PDF (PDFKit): title page, contents with page numbers, introduction,
 * numbered sections and recommendations with their references, the dialogues they came from,
 * the languages, "Page n of N" in every footer after the title page, bookmarks and links.
 *
 * Page numbers in the contents need the layout first: a first pass draws everything into a sink
 * that keeps nothing, noting the page of each heading and the page count; the second pass draws
 * the same thing with those numbers and streams it. Both passes lay out identically (the contents
 * reserve the same width for a number whatever it is).
 */
export function renderSynthesisPdf(model: DocumentModel): Readable {
  const out = new PassThrough();
  void (async () => {
    const layout = await draw(model, null, null);
    await draw(model, layout, out);
  })().catch((error: Error) => out.destroy(error));
  return out;
}

async function draw(model: DocumentModel, layout: Layout | null, out: PassThrough | null): Promise<Layout> {
  const l = model.labels;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    bufferPages: false,
    // The first pass only counts pages: no need to deflate what nobody reads.
    compress: out !== null,
    lang: model.lang,
    displayTitle: true,
    info: {
      Title: `${model.title}: ${model.subtitle}`,
      Author: l.forum,
      Subject: model.subtitle,
      Keywords: 'GFMD, recommendations, synthesis',
    },
  });
  const found: Layout = { pages: new Map(), total: 0 };
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  if (out) doc.pipe(out);
  else doc.on('data', () => undefined); // the first pass keeps nothing
  let page = 0;
  const width = () => doc.page.width - MARGIN * 2;
  doc.on('pageAdded', () => {
    page++;
    found.total = page;
    if (page === 1) return;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(model.subtitle, MARGIN, doc.page.height - 48, { width: width() * 0.7, lineBreak: false, ellipsis: true })
      .text(l.page(page, layout?.total ?? 999), MARGIN, doc.page.height - 48, {
        width: width(),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
    doc.fillColor(TEXT);
  });
  const anchor = (id: string, title: string, level: 0 | 1 = 0) => {
    found.pages.set(id, page);
    doc.addNamedDestination(id);
    if (out && level === 0) doc.outline.addItem(title);
  };
  const heading = (id: string, text: string, size = 16) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    anchor(id, text);
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(BRAND)
      .text(text, MARGIN, doc.y, { width: width() });
    doc.moveDown(0.5).font('Helvetica').fontSize(11).fillColor(TEXT);
  };
  const paragraph = (text: string) =>
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(TEXT)
      .text(text, MARGIN, doc.y, { width: width(), align: 'justify' })
      .moveDown(0.6);

  // ── title page ───────────────────────────────────────────────────────────────────────────
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(BRAND).text(l.forum.toUpperCase(), { characterSpacing: 1 });
  doc.moveDown(8).font('Helvetica-Bold').fontSize(26).fillColor(TEXT).text(model.title, { width: width() });
  doc.moveDown(0.5).font('Helvetica').fontSize(16).fillColor(BRAND).text(model.subtitle, { width: width() });
  doc.moveDown(2).fontSize(11).fillColor(TEXT);
  for (const [label, value] of model.facts)
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  if (model.draft) doc.moveDown(1).font('Helvetica-Bold').fillColor('#b42318').text(l.draft);

  // ── contents ─────────────────────────────────────────────────────────────────────────────
  doc.addPage();
  anchor('contents', l.contents);
  doc.font('Helvetica-Bold').fontSize(18).fillColor(BRAND).text(l.contents).moveDown(1);
  const entries: [string, string, number][] = [
    ['introduction', l.introduction, 0],
    ...model.sections.map((s): [string, string, number] => [`section-${s.number}`, `${s.number}. ${s.heading}`, 0]),
    ['sources', l.sources, 0],
    ['languages', l.languages, 0],
  ];
  for (const [id, label] of entries) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(TEXT)
      .text(label, MARGIN, y, { width: width() - 50, goTo: id });
    const after = doc.y;
    doc.text(String(layout?.pages.get(id) ?? ''), MARGIN + width() - 40, y, { width: 40, align: 'right', goTo: id });
    doc.x = MARGIN;
    doc.y = after + 4;
  }

  // ── introduction ─────────────────────────────────────────────────────────────────────────
  doc.addPage();
  heading('introduction', l.introduction);
  for (const p of model.introduction) paragraph(p);

  // ── sections ─────────────────────────────────────────────────────────────────────────────
  let drawn = 0;
  for (const s of model.sections) {
    heading(`section-${s.number}`, `${s.number}. ${s.heading}`);
    if (!s.items.length) paragraph(l.noRecommendations);
    for (const item of s.items) {
      if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .fillColor(TEXT)
        .text(`${item.number}  `, MARGIN, doc.y, { continued: true })
        .fillColor(BRAND)
        .text(item.reference, { link: item.url, underline: false });
      // Left-aligned: justified text doubles PDFKit's layout time and reads no better in a list.
      doc
        .font('Helvetica')
        .fillColor(TEXT)
        .text(item.text, MARGIN + 18, doc.y, { width: width() - 18 });
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(MUTED)
        .text(item.meta, MARGIN + 18, doc.y, { width: width() - 18 });
      doc.moveDown(0.8);
      if (out && ++drawn % CHUNK === 0) await new Promise((r) => setImmediate(r));
    }
  }

  // ── sources and languages ────────────────────────────────────────────────────────────────
  heading('sources', l.sources);
  for (const d of model.sources) {
    doc.font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(d.title, MARGIN, doc.y, { width: width() });
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`${d.date} · ${d.languages}`).moveDown(0.5);
  }
  heading('languages', l.languages);
  paragraph(model.languagesText);

  doc.end();
  await done;
  return found;
}
