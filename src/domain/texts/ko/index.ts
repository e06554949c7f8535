import type { Texts } from '../catalog.js';
import { channel } from './channel.js';
import { checklists } from './checklists.js';
import { buttonReplies } from './button-replies.js';
import { commandReplies } from './command-replies.js';
import { declare } from './declare.js';
import { errors } from './errors.js';
import { forms } from './forms.js';
import { help } from './help.js';
import { home } from './home.js';
import { insights } from './insights.js';
import { lists } from './lists.js';
import { notices } from './notices.js';
import { reminders } from './reminders.js';
import { replies } from './replies.js';
import { terms } from './terms.js';

export const ko: Texts = { locale: 'ko', help, replies, terms, declare, errors, channel, notices, reminders, checklists, home, lists, insights, commandReplies, buttonReplies, forms };
