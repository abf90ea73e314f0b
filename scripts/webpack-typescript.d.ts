import type { RuleSetRule, ResolveOptions } from 'webpack';

export function typescriptRule(options: { sourceMap: boolean }): RuleSetRule;
export const typescriptResolve: ResolveOptions;
