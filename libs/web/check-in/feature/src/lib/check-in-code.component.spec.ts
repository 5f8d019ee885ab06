import { offlinePassHtml, qrPath } from './check-in-code.component';

describe(offlinePassHtml.name, () => {
  const qr = qrPath({ size: 2, get: (r, c) => r === c });
  const pass = (over: Partial<Parameters<typeof offlinePassHtml>[0]> = {}) =>
    offlinePassHtml({
      code: 'C1abc',
      qr,
      lang: 'fr',
      heading: 'Votre code d’enregistrement',
      explain: 'Montrez ce code QR à l’entrée.',
      typeIt: 'Le personnel peut saisir ce code :',
      holder: 'Amina Diallo',
      dialogue: 'Migration de travail',
      when: '6 déc. 2026, 09:00',
      ...over,
    });

  it('is one self-contained page: the QR as inline SVG, no script, nothing fetched', () => {
    const sut = pass();
    expect(sut).toContain('<html lang="fr">');
    expect(sut).toContain(`<path d="${qr.d}"`);
    expect(sut).toContain('<code>C1abc</code>');
    expect(sut).toContain('Amina Diallo');
    expect(sut).toContain('Migration de travail');
    expect(sut).not.toMatch(/<script|src=|href=|url\(/i);
    expect(sut).toContain("default-src 'none'");
  });

  it('shows the desk code to type, large, instead of the long one when there is one', () => {
    const sut = pass({ deskCode: 'K7Q4-XM2P' });
    expect(sut).toContain('<code class="desk">K7Q4-XM2P</code>');
    expect(sut).not.toContain('C1abc');
  });

  it('escapes what people typed', () => {
    const sut = pass({ holder: '<img src=x onerror=alert(1)>', dialogue: 'A & "B"' });
    expect(sut).not.toContain('<img');
    expect(sut).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(sut).toContain('A &amp; &quot;B&quot;');
  });
});
