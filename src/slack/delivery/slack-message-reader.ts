import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { MessageContent } from '../../domain/timeline.js';
import { PermanentDeliveryError } from '../../outbox/failure.js';
import { messageContent, slackMessageSchema } from '../message-content.js';

const reactionsGetAnswer = z.object({ message: slackMessageSchema }).loose();
const permalinkAnswer = z.object({ permalink: z.string() }).loose();

export interface ReadMessage {
  authorId: string | null;
  permalink: string | null;
  content: MessageContent;
}

/** Reads one message back from Slack for the timeline: reactions.get answers with it wherever it is (a thread too) and its permalink. */
export class SlackMessageReader {
  constructor(private readonly client: WebClient) {}

  async read(channel: string, ts: string): Promise<ReadMessage> {
    const answer = reactionsGetAnswer.safeParse(await this.client.reactions.get({ channel, timestamp: ts, full: true }));
    if (!answer.success) throw new PermanentDeliveryError(`reactions.get gave no message for ${channel}/${ts}`);
    const { message } = answer.data;
    const permalink = message.permalink ?? (await this.permalink(channel, ts));
    return { authorId: message.user ?? null, permalink, content: messageContent(message) };
  }

  async permalink(channel: string, ts: string): Promise<string | null> {
    const answer = permalinkAnswer.safeParse(await this.client.chat.getPermalink({ channel, message_ts: ts }));
    return answer.success ? answer.data.permalink : null;
  }
}
