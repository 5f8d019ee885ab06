import { english, type Message } from '@gfmd/api-platform';
import { isNonPublicAddress, refuseWebhookUrl as refuse } from './webhook-url';

/** Why a URL is refused, in English (null when accepted). */
const refuseWebhookUrl = async (...args: Parameters<typeof refuse>) => {
  const refusal: Message | null = await refuse(...args);
  return refusal && english(refusal);
};

describe(refuse.name, () => {
  const strict = { allowPrivate: false, allowHttp: false };

  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::10.0.0.1',
  ])('counts %s as not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'counts %s as public',
    (a) => {
      expect(isNonPublicAddress(a)).toBe(false);
    },
  );

  it('refuses schemes, credentials and literal private hosts; allows them when the settings say so', async () => {
    expect(await refuseWebhookUrl('ftp://8.8.8.8/x', strict)).toMatch(/https/);
    expect(await refuseWebhookUrl('http://8.8.8.8/x', strict)).toMatch(/https/);
    expect(await refuseWebhookUrl('https://u:p@8.8.8.8/x', strict)).toMatch(/password/);
    expect(await refuseWebhookUrl('https://[::1]/x', strict)).toMatch(/public/);
    expect(await refuseWebhookUrl('https://10.1.1.1/x', strict)).toMatch(/public/);
    expect(await refuseWebhookUrl('https://8.8.8.8/x', strict)).toBeNull();
    expect(await refuseWebhookUrl('http://10.1.1.1/x', { allowPrivate: true, allowHttp: true })).toBeNull();
    expect(await refuseWebhookUrl('not a url', strict)).toMatch(/absolute/);
  });

  it('resolves names and refuses one that reaches loopback', async () => {
    expect(await refuseWebhookUrl('https://localhost/x', strict)).toMatch(/public/);
  });
});
