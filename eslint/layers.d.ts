import type { Rule } from 'eslint';

export declare const LAYERS: readonly { layer: string; why: string }[];
export declare const layersPlugin: { rules: { imports: Rule.RuleModule } };
