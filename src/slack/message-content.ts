import { z } from 'zod';
import type { MessageContent, MessageFile } from '../domain/timeline.js';

/** The parts of a Slack message (Events API, interaction payloads, reactions.get) the timeline keeps. */
export const slackMessageSchema = z.object({
  ts: z.string(),
  user: z.string().optional(),
  text: z.string().optional(),
  edited: z.object({ ts: z.string() }).loose().optional(),
  files: z.array(z.object({ id: z.string().optional(), name: z.string().nullish(), title: z.string().nullish(), permalink: z.string().optional() }).loose()).optional(),
  permalink: z.string().optional(),
}).loose();
export type SlackMessage = z.infer<typeof slackMessageSchema>;

/** A message's text and files (as links), capped so one message cannot swell the timeline. */
export function messageContent(message: SlackMessage, maxChars = 4000): MessageContent {
  const files: MessageFile[] = (message.files ?? []).flatMap((f) =>
    f.permalink ? [{ name: f.name || f.title || f.id || 'file', permalink: f.permalink }] : [],
  );
  return { text: (message.text ?? '').slice(0, maxChars), files: files.slice(0, 20), editedTs: message.edited?.ts ?? null };
}

/** The message in a payload, or undefined when it is not one. */
export function readSlackMessage(raw: unknown): SlackMessage | undefined {
  const parsed = slackMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
