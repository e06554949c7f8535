import type { IncomingMessage, ServerResponse } from 'node:http';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Fields the Web API takes as JSON even in a form-encoded body. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

/** Query string plus a JSON or form-urlencoded body, with JSON-valued form fields decoded. */
export function parseParams(req: IncomingMessage, body: Buffer, url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const type = String(req.headers['content-type'] ?? '');
  const text = body.toString('utf8');
  if (type.includes('application/json') && text.trim()) {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') Object.assign(params, parsed);
  } else if (text) {
    for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  }
  for (const key of JSON_FIELDS) {
    const value = params[key];
    if (typeof value !== 'string') continue;
    try {
      params[key] = JSON.parse(value);
    } catch {
      // left as a string: the method reports the malformed field
    }
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers['authorization'];
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1];
}
