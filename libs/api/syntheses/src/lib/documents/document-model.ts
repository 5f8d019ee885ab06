import type { Language, Theme } from '@gfmd/contracts';
import { LANGUAGES } from '@gfmd/contracts';
import { withoutBidiControlsIn } from '@gfmd/api-platform';
import type { SynthesisContent } from '../syntheses.service';
import { DOCUMENT_LABELS, type DocumentLabels } from './document-labels';

/** One numbered recommendation as the documents print it. */
export interface DocumentItem {
  number: string;
  reference: string;
  text: string;
  meta: string;
  url: string;
}

export interface DocumentSection {
  number: number;
  heading: string;
  items: DocumentItem[];
}

/** Everything a document prints, in print order, with the frame in one language (PDF and DOCX read the same model). */
export interface DocumentModel {
  lang: Language;
  labels: DocumentLabels;
  title: string;
  subtitle: string;
  /** Label–value lines of the title page. */
  facts: [string, string][];
  draft: boolean;
  introduction: string[];
  sections: DocumentSection[];
  sources: { title: string; date: string; languages: string }[];
  languagesText: string;
}

const list = (names: string[], lang: Language) =>
  new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);

/**
 * Builds the printable model of a synthesis: numbered sections and recommendations, sources,
 * languages. Its words come from rows: any bidi control they still hold is dropped (both the PDF
 * and the DOCX are written from this model; docs/i18n.md, "Bidirectional text").
 */
export function documentModel(content: SynthesisContent, themes: Theme[], lang: Language): DocumentModel {
  const l = DOCUMENT_LABELS[lang];
  const { synthesis: s, target: t, recommendations } = content;
  // UN style in English: 4 February 2027.
  const locale = lang === 'en' ? 'en-GB' : lang;
  const dateOf = (iso: string | Date, zone = t.timeZone) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(
      new Date(iso),
    );
  const themeById = new Map(themes.map((th) => [th.id, th]));
  const sections: DocumentSection[] = s.sections.map((sec, i) => {
    const theme = sec.themeId ? themeById.get(sec.themeId) : undefined;
    const heading =
      sec.title ||
      [theme ? `${theme.code} — ${theme.title}` : null, sec.kind ? l.kinds[sec.kind] : null]
        .filter(Boolean)
        .join(' · ') ||
      l.recommendations;
    const items = sec.references.flatMap((ref, j) => {
      const r = recommendations.get(ref);
      if (!r) return [];
      const meta = [
        `${l.kind}: ${l.kinds[r.kind]}`,
        r.addressedTo.length ? `${l.addressedTo}: ${r.addressedTo.map((g) => l.groups[g]).join(', ')}` : null,
        `${l.fromDialogue}: ${r.dialogueTitle} (${dateOf(r.dialogueStartsAt)})`,
      ]
        .filter(Boolean)
        .join(' · ');
      return [{ number: `${i + 1}.${j + 1}`, reference: r.reference, text: r.text, meta, url: r.url }];
    });
    return { number: i + 1, heading, items };
  });
  const dialogues = new Map<string, { title: string; date: string; languages: string }>();
  for (const ref of s.sections.flatMap((sec) => sec.references)) {
    const r = recommendations.get(ref);
    if (!r || dialogues.has(r.dialogueId)) continue;
    dialogues.set(r.dialogueId, {
      title: r.dialogueTitle,
      date: dateOf(r.dialogueStartsAt),
      languages: `${l.dialogueLanguages}: ${list(
        r.languages.map((x) => l.languageNames[x] ?? x),
        lang,
      )}`,
    });
  }
  const facts: [string, string][] = [[l.date, dateOf(t.startsAt)]];
  if (t.venue) facts.push([l.venue, t.venue]);
  if (s.publishedAt) facts.push([l.published, dateOf(s.publishedAt)]);
  facts.push([l.version, String(s.version)]);
  return withoutBidiControlsIn({
    lang,
    labels: l,
    title: l.documentTitle,
    subtitle: t.title,
    facts,
    draft: s.status !== 'published' || s.publishedVersion !== s.version,
    introduction: s.introduction
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    sections,
    sources: [...dialogues.values()],
    languagesText: l.languagesText(
      l.languageNames[lang],
      list(
        LANGUAGES.map((x) => l.languageNames[x]),
        lang,
      ),
    ),
  });
}
