import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Readable } from 'node:stream';
import type { DocumentModel } from './document-model';

const BRAND = '005A9C';
const MUTED = '52606D';

/**
 * The synthesis as a Word document (`docx`): title page, a table of contents field (Word fills
 * in the page numbers when it opens the file: `updateFields`), Heading 1 for each part so the
 * contents and the navigation pane find them, numbered recommendations with their references
 * (linked to their permanent pages), and "Page n of N" in the footer of every page after the
 * title page. `Packer.toStream` streams the zip as it is written.
 */
export function renderSynthesisDocx(model: DocumentModel): Readable {
  const l = model.labels;
  const heading = (id: string, text: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id, children: [new TextRun(text)] })] });
  const body = (text: string) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, children: [new TextRun(text)] });

  const titlePage = [
    new Paragraph({ children: [new TextRun({ text: l.forum.toUpperCase(), bold: true, color: BRAND, size: 20 })] }),
    new Paragraph({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    new Paragraph({
      spacing: { after: 600 },
      children: [new TextRun({ text: model.subtitle, size: 32, color: BRAND })],
    }),
    ...model.facts.map(
      ([label, value]) =>
        new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    ),
    ...(model.draft
      ? [
          new Paragraph({
            spacing: { before: 240 },
            children: [new TextRun({ text: l.draft, bold: true, color: 'B42318' })],
          }),
        ]
      : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const contents = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: l.contents, size: 36 })] }),
    new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const sections = model.sections.flatMap((s) => [
    heading(`section_${s.number}`, `${s.number}. ${s.heading}`),
    ...(s.items.length ? [] : [body(l.noRecommendations)]),
    ...s.items.flatMap((item) => [
      new Paragraph({
        keepNext: true,
        spacing: { before: 200 },
        children: [
          new TextRun({ text: `${item.number}  `, bold: true }),
          new ExternalHyperlink({
            link: item.url,
            children: [new TextRun({ text: item.reference, bold: true, color: BRAND })],
          }),
        ],
      }),
      new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: 360 }, children: [new TextRun(item.text)] }),
      new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: item.meta, size: 18, color: MUTED })] }),
    ]),
  ]);

  const document = new Document({
    creator: l.forum,
    title: `${model.title}: ${model.subtitle}`,
    description: model.subtitle,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: { titlePage: true },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${model.subtitle} · `, size: 16, color: MUTED }),
                  new TextRun({
                    children: pageLabel(l.page(0, 0), PageNumber.CURRENT, PageNumber.TOTAL_PAGES),
                    size: 16,
                    color: MUTED,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...titlePage,
          ...contents,
          heading('introduction', l.introduction),
          ...model.introduction.map(body),
          ...sections,
          heading('sources', l.sources),
          ...model.sources.flatMap((d) => [
            new Paragraph({ children: [new TextRun({ text: d.title, bold: true })] }),
            new Paragraph({
              spacing: { after: 120 },
              children: [new TextRun({ text: `${d.date} · ${d.languages}`, size: 18, color: MUTED })],
            }),
          ]),
          heading('languages', l.languages),
          body(model.languagesText),
        ],
      },
    ],
  });
  return Packer.toStream(document) as Readable;
}

/** "Page 0 of 0" in the frame's language, its two numbers replaced by the page fields. */
function pageLabel(sample: string, current: string, total: string): string[] {
  const [before, middle, after] = sample.split('0');
  return [before, current, middle, total, after ?? ''];
}
