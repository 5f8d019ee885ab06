import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, type TestApp } from '@gfmd/api-testing';
import mammoth from 'mammoth';
import { SynthesesModule } from '../lib/syntheses.module';
import { parsePdf } from './parse-pdf';

/** The API with what a synthesis draws on (dialogues, outcomes, mail), the GCM process seeded. */
export async function synthesisTestApp(): Promise<TestApp> {
  const sut = await createTestApp([
    PlatformModule,
    AuthModule,
    MailModule,
    DialoguesModule,
    SpacesModule,
    OutcomesModule,
    SynthesesModule,
  ]);
  await sut.app.get(SeedService).seedProcess();
  return sut;
}

/** A download (PDF, DOCX) as bytes, with its status and headers. */
export async function download(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** A PDF's text, whitespace folded. */
export const pdfText = async (pdf: Buffer) => (await parsePdf(pdf)).text.replace(/\s+/g, ' ');

/** A DOCX's raw text. */
export const docxText = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;
