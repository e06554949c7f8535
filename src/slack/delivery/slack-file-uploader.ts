import type { WebClient } from '@slack/web-api';

export interface UploadedFile {
  id: string;
  /** Slack's permalink for the file, when Slack gives one. */
  permalink: string | null;
}

/**
 * Slack's upload flow (what `files.uploadV2` does), step by step: `files.getUploadURLExternal`, a
 * POST of the bytes to the returned URL, then `files.completeUploadExternal` with no channel. The
 * file is shared where it belongs afterwards, by attaching it to a message (`chat.update` with
 * `file_ids`), so a retry never posts a second message for it.
 */
export class SlackFileUploader {
  constructor(
    private readonly client: WebClient,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Text is sent as UTF-8; bytes (a PNG) as they are. */
  async upload(file: { fileName: string; title: string; content: string | Uint8Array }): Promise<UploadedFile> {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    const reserved = await this.client.files.getUploadURLExternal({ filename: file.fileName, length: bytes.length });
    const uploadUrl = reserved.upload_url;
    const fileId = reserved.file_id;
    if (!uploadUrl || !fileId) throw new Error('files.getUploadURLExternal answered without an upload URL');
    const response = await this.fetchImpl(uploadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    if (!response.ok) throw Object.assign(new Error(`file upload answered HTTP ${response.status}`), { statusCode: response.status });
    const result = await this.client.files.completeUploadExternal({ files: [{ id: fileId, title: file.title }] });
    const completed = result.files?.[0];
    return { id: completed?.id ?? fileId, permalink: completed?.permalink ?? null };
  }
}
