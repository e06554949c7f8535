import type { KnownBlock } from '@slack/types';

/** A message body: `text` is the notification fallback, `blocks` what is rendered. */
export interface BlockMessage {
  text: string;
  blocks: KnownBlock[];
}
