import type { WebClient } from '@slack/web-api';

export interface SharedFile {
  id: string;
  /** Slack's permalink for the file, when Slack gives one. */
  permalink: string | null;
}

export interface FileToShare {
  fileName: string;
  title: string;
  content: string;
  channel: string;
  initialComment: string;
}

/**
 * Slack's upload flow (what `files.uploadV2` does), step by step so a retry can tell a finished
 * upload from a lost one: `files.getUploadURLExternal`, a POST of the bytes to the returned URL,
 * then `files.completeUploadExternal`, which shares the file into the channel.
 */
export class SlackFileUploader {
  constructor(
    private readonly client: WebClient,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Reserves the file and sends its bytes; returns the file id, not yet shared anywhere. */
  async upload(file: Pick<FileToShare, 'fileName' | 'content'>): Promise<string> {
    const bytes = Buffer.from(file.content, 'utf8');
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
    return fileId;
  }

  /** Shares an uploaded file into the channel with a comment. */
  async share(fileId: string, file: Pick<FileToShare, 'title' | 'channel' | 'initialComment'>): Promise<SharedFile> {
    const result = await this.client.files.completeUploadExternal({
      files: [{ id: fileId, title: file.title }],
      channel_id: file.channel,
      initial_comment: file.initialComment,
    });
    const shared = result.files?.[0];
    return { id: shared?.id ?? fileId, permalink: shared?.permalink ?? null };
  }

  /** The file, if an earlier attempt already shared it into the channel. */
  async findShared(fileId: string, channel: string): Promise<SharedFile | undefined> {
    try {
      const info = await this.client.files.info({ file: fileId });
      const file = info.file;
      const channels = [...(file?.channels ?? []), ...(file?.groups ?? [])];
      return channels.includes(channel) ? { id: fileId, permalink: file?.permalink ?? null } : undefined;
    } catch {
      return undefined;
    }
  }
}
