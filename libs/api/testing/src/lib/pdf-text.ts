import { execFile } from 'node:child_process';

/**
 * The text (lines as pdf.js reads them, `\n` between) and page count of a PDF, read back with
 * pdf-parse. pdf.js loads its worker with a dynamic import, which Jest's module sandbox refuses:
 * the parsing runs in a plain Node child.
 */
export function parsePdf(pdf: Uint8Array): Promise<{ text: string; total: number }> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const { text, total } = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify({ text, total }));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin?.end(Buffer.from(pdf));
  });
}
