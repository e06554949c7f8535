import type { IncomingMessage } from 'node:http';

/** Names that always mean this machine; a rebinding attack needs a domain name it controls instead. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
/** Addresses a server listens on that mean "every interface"; browsers reach them as loopback. */
const WILDCARD = ['0.0.0.0', '[::]'];

/**
 * The `host:port` values a request to this workspace may carry, from the URLs it is known by (its
 * public URL, the address it listens on). A loopback or wildcard URL admits every loopback name
 * with the same port. Empty when neither is known yet.
 */
export function ownHosts(urls: Array<string | undefined>): Set<string> {
  const hosts = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const hostname = url.hostname.toLowerCase();
    if (LOOPBACK.includes(hostname) || WILDCARD.includes(hostname)) {
      for (const name of LOOPBACK) hosts.add(`${name}:${port}`);
    } else {
      hosts.add(`${hostname}:${port}`);
    }
  }
  return hosts;
}

function normalizedHost(value: string, defaultPort: string): string | undefined {
  try {
    const url = new URL(`http://${value}`);
    if (url.username || url.password || url.pathname !== '/' || url.search) return undefined;
    return `${url.hostname.toLowerCase()}:${url.port || defaultPort}`;
  } catch {
    return undefined;
  }
}

function admitted(host: string | undefined, own: Set<string>): boolean {
  if (!host) return false;
  if (own.size > 0) return own.has(host);
  // Not yet told its address (mounted, no public URL): loopback names on any port.
  return LOOPBACK.some((name) => host.startsWith(`${name}:`));
}

/**
 * Why a request must be refused, or undefined when it may go on. A Host that is not the
 * workspace's own is refused (DNS rebinding: another site's name resolving to 127.0.0.1), and so
 * is a browser's Origin from anywhere else (a page on another origin posting to this one).
 * Clients that send no Origin (the app's WebClient, tests) pass when their Host is right.
 */
export function refusal(req: IncomingMessage, own: Set<string>): 'forbidden_host' | 'forbidden_origin' | undefined {
  const host = normalizedHost(String(req.headers.host ?? ''), '80');
  if (!admitted(host, own)) return 'forbidden_host';
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'forbidden_origin';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'forbidden_origin';
  const originHost = `${url.hostname.toLowerCase()}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  return admitted(originHost, own) ? undefined : 'forbidden_origin';
}
