import { signatureHeader, verifySignature } from './webhook-signature';

describe(verifySignature.name, () => {
  const secret = 'whsec_test';
  const body = '{"event":"ping"}';
  const now = Date.now();
  const t = Math.floor(now / 1000);

  it('accepts its own signature and refuses a changed body, secret or an old timestamp', () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature(secret, header, body, 300, now)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 300, now)).toBe(false);
    expect(verifySignature('whsec_other', header, body, 300, now)).toBe(false);
    expect(verifySignature(secret, signatureHeader(secret, t - 600, body), body, 300, now)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, 300, now)).toBe(false);
    expect(verifySignature(secret, `t=${t},v1=abc`, body, 300, now)).toBe(false);
  });
});
