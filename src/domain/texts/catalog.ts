import type { Locale } from '../postmortem/model.js';
import { channel } from './en/channel.js';
import { checklists } from './en/checklists.js';
import { buttonReplies } from './en/button-replies.js';
import { commandReplies } from './en/command-replies.js';
import { declare } from './en/declare.js';
import { errors } from './en/errors.js';
import { forms } from './en/forms.js';
import { help } from './en/help.js';
import { home } from './en/home.js';
import { insights } from './en/insights.js';
import { lists } from './en/lists.js';
import { notices } from './en/notices.js';
import { reminders } from './en/reminders.js';
import { replies } from './en/replies.js';
import { terms } from './en/terms.js';

/**
 * The English catalog, and with it the shape every language must have: `ko` is declared as
 * `Texts`, so a key missing there, an extra one, or a placeholder of another type fails to compile.
 * A text with placeholders is a function of them; the rest are strings.
 */
export const en = { locale: 'en' as Locale, help, replies, terms, declare, errors, channel, notices, reminders, checklists, home, lists, insights, commandReplies, buttonReplies, forms };

export type Texts = typeof en;
