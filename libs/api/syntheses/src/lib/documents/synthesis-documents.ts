import { Injectable } from '@nestjs/common';
import type { Language } from '@gfmd/contracts';
import { DialoguesRepository } from '@gfmd/api-dialogues';
import { localizeContent } from '@gfmd/api-platform';
import { PassThrough, type Readable } from 'node:stream';
import type { SynthesisContent } from '../syntheses.service';
import { documentModel } from './document-model';
import { renderSynthesisDocx } from './synthesis-docx';
import { renderSynthesisPdf } from './synthesis-pdf';

/** The downloadable synthesis: PDF and DOCX from one printable model. */
@Injectable()
export class SynthesisDocuments {
  constructor(private readonly dialogues: DialoguesRepository) {}

  pdf(content: SynthesisContent, lang: Language): Readable {
    return this.render(content, lang, renderSynthesisPdf);
  }

  docx(content: SynthesisContent, lang: Language): Readable {
    return this.render(content, lang, renderSynthesisDocx);
  }

  /** `gfmd-synthesis-<session number or milestone>-v<version>.<ext>`, ASCII only. */
  fileName(content: SynthesisContent, ext: 'pdf' | 'docx'): string {
    const slug = content.target
      .titleIn('en')
      .title.normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 60);
    return `gfmd-synthesis-${slug}-v${content.synthesis.version}.${ext}`;
  }

  private render(
    content: SynthesisContent,
    lang: Language,
    renderer: (m: ReturnType<typeof documentModel>) => Readable,
  ) {
    const out = new PassThrough();
    // Every theme: a section may be headed by any existing theme (the save checks only that it exists).
    this.dialogues
      .listThemes()
      .then((themes) =>
        renderer(
          documentModel(
            content,
            // A section without a title of its own is headed by its theme, in the document's language.
            themes.map((t) => ({
              id: t.id,
              code: t.code,
              title: localizeContent(t, ['title'], 'en', lang).title ?? '',
            })),
            lang,
          ),
        ).pipe(out),
      )
      .catch((error: Error) => out.destroy(error));
    return out;
  }
}
