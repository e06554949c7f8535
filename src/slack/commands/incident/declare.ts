import { parseSeverity } from '../../../domain/severity.js';
import { declareModal } from '../../blocks/declare-modal.js';
import { type Subcommand, openModal } from './context.js';

/** `/incident declare [sev1|sev2|sev3] [title]`: the declare modal, prefilled from the text. */
export const declare: Subcommand = async (ctx) => {
  const [first = '', ...rest] = ctx.args.split(/\s+/);
  const severity = parseSeverity(first);
  const title = (severity ? rest.join(' ') : ctx.args).trim();
  await openModal(ctx, declareModal({ commanderId: ctx.command.user_id, severity, title: title || undefined }, ctx.texts));
};
