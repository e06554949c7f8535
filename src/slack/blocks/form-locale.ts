import { z } from 'zod';
import { LOCALES, type Locale } from '../../domain/texts/index.js';

const withLocale = z.object({ locale: z.enum(LOCALES) });

/**
 * The language a form was shown in, when its private_metadata (JSON) carries `locale` as the
 * declare modal's does; undefined for any other metadata (then the submitter's own language).
 */
export function formLocale(privateMetadata: string | undefined): Locale | undefined {
  if (!privateMetadata?.startsWith('{')) return undefined;
  try {
    const parsed = withLocale.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data.locale : undefined;
  } catch {
    return undefined;
  }
}
