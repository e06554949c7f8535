import type { Texts } from '../catalog.js';
import { declare } from './declare.js';
import { errors } from './errors.js';
import { help } from './help.js';
import { replies } from './replies.js';
import { terms } from './terms.js';

export const ko: Texts = { locale: 'ko', help, replies, terms, declare, errors };
