import { formatSize, typeLabel } from './documents.api';

describe(formatSize.name, () => {
  it('uses decimal units and the locale', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1_234_567)).toBe('1.2 MB');
    expect(formatSize(1_234_567, 'fr')).toBe('1,2 MB');
  });
});

describe(typeLabel.name, () => {
  it('takes the extension the server gave the file', () => {
    expect(typeLabel('application/pdf', 'note.pdf')).toBe('PDF');
    expect(typeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.docx')).toBe('DOCX');
  });
});
