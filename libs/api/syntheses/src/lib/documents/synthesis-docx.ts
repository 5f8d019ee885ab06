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
  type IRunOptions,
} from 'docx';
import type { Readable } from 'node:stream';
import { hasRtl } from '@gfmd/api-platform';
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
  // Arabic: every paragraph right to left (Word lays out the text and its bidi itself), and the
  // runs holding Arabic letters marked right to left with the Arabic language for complex scripts.
  const rtl = model.lang === 'ar';
  const para = (options: ConstructorParameters<typeof Paragraph>[0]) =>
    new Paragraph(rtl && typeof options === 'object' ? { ...options, bidirectional: true } : options);
  const run = (options: string | IRunOptions) => {
    const o: IRunOptions = typeof options === 'string' ? { text: options } : options;
    return new TextRun(
      typeof o.text === 'string' && hasRtl(o.text) ? { ...o, rightToLeft: true, language: { bidirectional: 'ar' } } : o,
    );
  };
  const heading = (id: string, text: string) =>
    para({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id, children: [run(text)] })] });
  const body = (text: string) =>
    para({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, children: [run(text)] });

  const titlePage = [
    para({ children: [run({ text: l.forum.toUpperCase(), bold: true, color: BRAND, size: 20 })] }),
    para({ spacing: { before: 2400 }, heading: HeadingLevel.TITLE, children: [run(model.title)] }),
    para({
      spacing: { after: 600 },
      children: [run({ text: model.subtitle, size: 32, color: BRAND })],
    }),
    ...model.facts.map(([label, value]) => para({ children: [run({ text: `${label}: `, bold: true }), run(value)] })),
    ...(model.draft
      ? [
          para({
            spacing: { before: 240 },
            children: [run({ text: l.draft, bold: true, color: 'B42318' })],
          }),
        ]
      : []),
    para({ children: [new PageBreak()] }),
  ];

  const contents = [
    para({ heading: HeadingLevel.TITLE, children: [run({ text: l.contents, size: 36 })] }),
    new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-1' }),
    para({ children: [new PageBreak()] }),
  ];

  const sections = model.sections.flatMap((s) => [
    heading(`section_${s.number}`, `${s.number}. ${s.heading}`),
    ...(s.items.length ? [] : [body(l.noRecommendations)]),
    ...s.items.flatMap((item) => [
      para({
        keepNext: true,
        spacing: { before: 200 },
        children: [
          run({ text: `${item.number}  `, bold: true }),
          new ExternalHyperlink({
            link: item.url,
            children: [run({ text: item.reference, bold: true, color: BRAND })],
          }),
        ],
      }),
      para({
        alignment: AlignmentType.JUSTIFIED,
        indent: rtl ? { right: 360 } : { left: 360 },
        children: [run(item.text)],
      }),
      para({
        indent: rtl ? { right: 360 } : { left: 360 },
        children: [run({ text: item.meta, size: 18, color: MUTED })],
      }),
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
              para({
                alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT,
                children: [
                  run({ text: `${model.subtitle} · `, size: 16, color: MUTED }),
                  run({
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
            para({ children: [run({ text: d.title, bold: true })] }),
            para({
              spacing: { after: 120 },
              children: [run({ text: `${d.date} · ${d.languages}`, size: 18, color: MUTED })],
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
