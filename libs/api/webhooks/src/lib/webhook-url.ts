import { msg, type Message } from '@gfmd/api-platform';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupAllOptions } from 'node:dns';
import { lookup as lookupCallback } from 'node:dns';

/** Addresses that are not the public internet: loopback, private, link-local, CGNAT, multicast, reserved. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, if it is one. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : null;
}

/** Whether an IP address is outside the public internet (refused unless WEBHOOKS_ALLOW_PRIVATE). */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0];
  const v4 = isIP(bare) === 4 ? bare : embeddedIpv4(bare);
  if (v4) return NOT_PUBLIC.check(v4, 'ipv4');
  if (isIP(bare) === 6) return NOT_PUBLIC.check(bare, 'ipv6');
  return true;
}

export interface UrlPolicy {
  allowPrivate: boolean;
  allowHttp: boolean;
}

/**
 * Checks a receiver URL: https (http only when allowed), no credentials in it, and every
 * address its host resolves to public (unless allowed). Answers why it is refused, or null.
 */
export async function refuseWebhookUrl(raw: string, policy: UrlPolicy): Promise<Message | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return msg('webhooks.url.notAbsolute.field');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    return msg(policy.allowHttp ? 'webhooks.url.httpOrHttps.field' : 'webhooks.url.https.field');
  if (url.username || url.password) return msg('webhooks.url.credentials.field');
  if (!url.hostname) return msg('webhooks.url.noHost.field');
  if (policy.allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return msg('webhooks.url.unresolved.field');
    }
  }
  if (!addresses.length) return msg('webhooks.url.unresolved.field');
  return addresses.some(isNonPublicAddress) ? msg('webhooks.url.notPublic.field') : null;
}

/**
 * A DNS lookup for http.request that refuses, at connect time, a host resolving to a non-public
 * address (so a name that changed its answers since the subscription was saved is caught too).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true } as LookupAllOptions, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = !allowPrivate && found.some((a) => isNonPublicAddress(a.address));
      if (refused || !found.length) {
        const err = Object.assign(new Error('receiver address is not public'), { code: 'EWEBHOOKADDRESS' });
        return callback(err, '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
      return callback(null, found[0].address, found[0].family);
    });
  };
}
