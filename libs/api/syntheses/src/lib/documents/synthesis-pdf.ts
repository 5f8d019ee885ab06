import PDFDocument from 'pdfkit';
import { PassThrough, type Readable } from 'node:stream';
import {
  drawBidiText,
  hasRtl,
  needsUnicodeFont,
  paragraphDirection,
  pdfFontFor,
  pdfTextFonts,
  registerPdfFonts,
} from '@gfmd/api-platform';
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
 * PDFKit's Helvetica prints Latin-1 only: a document in Arabic, or with any text Helvetica cannot
 * print (Arabic, Cyrillic, Greek…), is set in DejaVu Sans when the system has it (the Docker image
 * installs fonts-dejavu-core, as for badges); others keep Helvetica. Runs with Chinese or Japanese
 * letters are set in the CJK font ('body-cjk', 'body-bold-cjk'), Korean in 'body-kr', 'body-bold-kr',
 * Han beyond those fonts (Extension B and later) in HanaMinB ('body-han', one weight; the image
 * installs fonts-hanazono) (platform's pdf-fonts.ts); a text mixing them with other scripts is
 * drawn run by run.
 */
function needsUnicode(model: DocumentModel): boolean {
  const texts = [
    model.title,
    model.subtitle,
    ...model.facts.flat(),
    ...model.introduction,
    ...model.sections.flatMap((s) => [s.heading, ...s.items.flatMap((i) => [i.text, i.meta])]),
    ...model.sources.flatMap((d) => [d.title, d.date, d.languages]),
    model.languagesText,
  ];
  return model.lang === 'ar' || texts.some(needsUnicodeFont);
}

interface TextStyle {
  font: 'body' | 'body-bold';
  size: number;
  color: string;
}

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
  registerPdfFonts(doc, { body: 'regular', 'body-bold': 'bold' }, { unicode: needsUnicode(model) });
  /** An Arabic document: lines start on the right, the footer and contents are mirrored. */
  const rtlDoc = model.lang === 'ar';
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
    const subtitleFonts = pdfTextFonts(doc, 'body', model.subtitle);
    doc.font(subtitleFonts.primary).fontSize(8).fillColor(MUTED);
    if (rtlDoc) {
      const footerY = doc.page.height - 48;
      drawBidiText(doc as never, model.subtitle, MARGIN + width() * 0.3, footerY, {
        width: width() * 0.7,
        direction: 'rtl',
        maxLines: 1,
        fonts: subtitleFonts,
      });
      doc.font('body');
      drawBidiText(doc as never, l.page(page, layout?.total ?? 999), MARGIN, footerY, {
        width: width(),
        direction: 'rtl',
        align: 'left',
        maxLines: 1,
      });
    } else {
      if (subtitleFonts.mixed || hasRtl(model.subtitle))
        drawBidiText(doc as never, model.subtitle, MARGIN, doc.page.height - 48, {
          width: width() * 0.7,
          direction: 'ltr',
          maxLines: 1,
          fonts: subtitleFonts,
        });
      else
        doc.text(model.subtitle, MARGIN, doc.page.height - 48, {
          width: width() * 0.7,
          lineBreak: false,
          ellipsis: true,
        });
      doc.font('body').text(l.page(page, layout?.total ?? 999), MARGIN, doc.page.height - 48, {
        width: width(),
        align: 'right',
        lineBreak: false,
      });
    }
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
  /**
   * Text at the current line, `w` wide from `x`. Arabic (a document in Arabic, or Arabic text in
   * any) goes through drawBidiText: displayed right to left, starting on the right, never
   * justified; other text is PDFKit's, as before.
   */
  const write = (
    text: string,
    x: number,
    w: number,
    style: TextStyle,
    options: { justify?: boolean; pdf?: Record<string, unknown> } = {},
  ) => {
    const fonts = pdfTextFonts(doc, style.font, text);
    const font = fonts.primary;
    doc.font(font).fontSize(style.size).fillColor(style.color);
    if (!rtlDoc && !hasRtl(text) && !fonts.mixed) {
      doc.text(text, x, doc.y, { width: w, ...(options.justify ? { align: 'justify' } : {}), ...options.pdf });
      return;
    }
    drawBidiText(doc as never, text, x, doc.y, {
      width: w,
      direction: paragraphDirection(text, rtlDoc ? 'rtl' : 'ltr'),
      pieceOptions: options.pdf,
      fonts,
      pageBreak: {
        bottom: doc.page.height - MARGIN,
        newPage: () => {
          doc.addPage();
          doc.font(font).fontSize(style.size).fillColor(style.color);
          return MARGIN;
        },
      },
    });
  };
  const heading = (id: string, text: string, size = 16) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    anchor(id, text);
    doc.moveDown(0.5);
    write(text, MARGIN, width(), { font: 'body-bold', size, color: BRAND });
    doc.moveDown(0.5).font('body').fontSize(11).fillColor(TEXT);
  };
  const paragraph = (text: string) => {
    write(text, MARGIN, width(), { font: 'body', size: 11, color: TEXT }, { justify: true });
    doc.moveDown(0.6);
  };

  // ── title page ───────────────────────────────────────────────────────────────────────────
  doc.addPage();
  if (rtlDoc) {
    // No letter spacing in Arabic: it would break the joined letters apart.
    write(l.forum, MARGIN, width(), { font: 'body-bold', size: 10, color: BRAND });
    doc.moveDown(8);
    write(model.title, MARGIN, width(), { font: 'body-bold', size: 26, color: TEXT });
    doc.moveDown(0.5);
    write(model.subtitle, MARGIN, width(), { font: 'body', size: 16, color: BRAND });
    doc.moveDown(2);
    for (const [label, value] of model.facts)
      write(`${label}: ${value}`, MARGIN, width(), { font: 'body', size: 11, color: TEXT });
    if (model.draft) {
      doc.moveDown(1);
      write(l.draft, MARGIN, width(), { font: 'body-bold', size: 11, color: '#b42318' });
    }
  } else {
    doc.font('body-bold').fontSize(10).fillColor(BRAND).text(l.forum.toUpperCase(), { characterSpacing: 1 });
    doc.moveDown(8);
    write(model.title, MARGIN, width(), { font: 'body-bold', size: 26, color: TEXT });
    doc.moveDown(0.5);
    write(model.subtitle, MARGIN, width(), { font: 'body', size: 16, color: BRAND });
    doc.moveDown(2).fontSize(11).fillColor(TEXT);
    for (const [label, value] of model.facts) {
      // A label and a value in one font each: the label bold; else the fact run by run, plain.
      if (pdfTextFonts(doc, 'body-bold', label).mixed || pdfTextFonts(doc, 'body', value).mixed || hasRtl(value))
        write(`${label}: ${value}`, MARGIN, width(), { font: 'body', size: 11, color: TEXT });
      else
        doc
          .font(pdfFontFor('body-bold', label, doc))
          .text(`${label}: `, { continued: true })
          .font(pdfFontFor('body', value, doc))
          .text(value);
    }
    if (model.draft) doc.moveDown(1).font('body-bold').fillColor('#b42318').text(l.draft);
  }

  // ── contents ─────────────────────────────────────────────────────────────────────────────
  doc.addPage();
  anchor('contents', l.contents);
  write(l.contents, MARGIN, width(), { font: 'body-bold', size: 18, color: BRAND });
  doc.moveDown(1);
  const entries: [string, string, number][] = [
    ['introduction', l.introduction, 0],
    ...model.sections.map((s): [string, string, number] => [`section-${s.number}`, `${s.number}. ${s.heading}`, 0]),
    ['sources', l.sources, 0],
    ['languages', l.languages, 0],
  ];
  for (const [id, label] of entries) {
    const y = doc.y;
    // The page number on the end side: right, or left in Arabic.
    write(
      label,
      rtlDoc ? MARGIN + 50 : MARGIN,
      width() - 50,
      { font: 'body', size: 11, color: TEXT },
      { pdf: { goTo: id } },
    );
    const after = doc.y;
    const number = String(layout?.pages.get(id) ?? '');
    if (rtlDoc) doc.text(number, MARGIN, y, { width: 40, align: 'left', goTo: id });
    else doc.text(number, MARGIN + width() - 40, y, { width: 40, align: 'right', goTo: id });
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
      if (rtlDoc) {
        doc.font('body-bold').fontSize(11).fillColor(BRAND).text(`${item.reference}  ${item.number}`, MARGIN, doc.y, {
          width: width(),
          align: 'right',
          link: item.url,
          underline: false,
        });
      } else {
        doc
          .font('body-bold')
          .fontSize(11)
          .fillColor(TEXT)
          .text(`${item.number}  `, MARGIN, doc.y, { continued: true })
          .fillColor(BRAND)
          .text(item.reference, { link: item.url, underline: false });
      }
      // Not justified: justified text doubles PDFKit's layout time and reads no better in a list.
      // Indented on the start side (right in Arabic).
      const indent = rtlDoc ? MARGIN : MARGIN + 18;
      write(item.text, indent, width() - 18, { font: 'body', size: 11, color: TEXT });
      write(item.meta, indent, width() - 18, { font: 'body', size: 9, color: MUTED });
      doc.moveDown(0.8);
      if (out && ++drawn % CHUNK === 0) await new Promise((r) => setImmediate(r));
    }
  }

  // ── sources and languages ────────────────────────────────────────────────────────────────
  heading('sources', l.sources);
  for (const d of model.sources) {
    write(d.title, MARGIN, width(), { font: 'body-bold', size: 11, color: TEXT });
    write(`${d.date} · ${d.languages}`, MARGIN, width(), { font: 'body', size: 9, color: MUTED });
    doc.moveDown(0.5);
  }
  heading('languages', l.languages);
  paragraph(model.languagesText);

  doc.end();
  await done;
  return found;
}
