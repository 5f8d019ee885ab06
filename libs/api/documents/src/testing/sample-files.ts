import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { crc32, deflateRawSync } from 'node:zlib';

/** Small files of each kind the documents accept or refuse, made in memory for the tests. */
export const samples = {
  pdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  png: () =>
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  text: () => Buffer.from('Concept note — Migration et développement\nLigne deux.\n', 'utf8'),
  docx: () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Background paper')] }] })),
  odt: async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    zip.file('META-INF/manifest.xml', '<manifest:manifest/>');
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  },
  /** A legacy Word file as far as the sniffer looks: the OLE signature and a WordDocument stream name. */
  doc: () => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from('WordDocument', 'utf16le').copy(b, 1024);
    return b;
  },
  /** A Windows executable renamed report.pdf. */
  exe: () => {
    const b = Buffer.alloc(2048);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80, 'latin1');
    return b;
  },
  elf: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(1024)]),
  /** A plain ZIP (not an Office file). */
  zip: async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  },
  /** A "docx" that unpacks to 200 MB of zeros from about 200 KB (deflated natively: fast). */
  zipBomb: () =>
    zipOf([
      [
        '[Content_Types].xml',
        Buffer.from(
          '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
      ],
      ...Array.from({ length: 10 }, (_, i) => [`word/media/zeros${i}.bin`, Buffer.alloc(20 * 1024 * 1024)] as const),
    ]),
  /** A PDF with a ZIP archive glued to its end (a PDF reader and an unzipper both open it). */
  pdfZipPolyglot: async () => Buffer.concat([samples.pdf(), await samples.zip()]),
  /** A GIF whose bytes are also a page with a script. */
  gifScriptPolyglot: () =>
    Buffer.concat([Buffer.from('GIF89a'), Buffer.from('/*<html><script>alert(1)</script>*/'), Buffer.alloc(64)]),
  /** Text that is an HTML page. */
  html: () => Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  /** n bytes of a valid PDF (padding inside a comment). */
  bigPdf: (bytes: number) => {
    const head = samples.pdf();
    return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]);
  },
};

/** A minimal ZIP writer (deflate, no data descriptors), for archives too big for JSZip to make quickly. */
function zipOf(entries: (readonly [string, Buffer])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
