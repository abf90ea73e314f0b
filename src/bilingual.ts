// A failure explained to a district officer in both languages. Every layer's error (the CLI's usage
// errors, unreadable files, configuration, sign-in, refused submissions) is one of these, so the
// pane and the CLI show any of them the same way and never a stack trace.
import type { Text } from './standard/types';

export class BilingualError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
    override readonly cause?: unknown,
  ) {
    super(en);
    this.name = new.target.name;
  }

  get text(): Text {
    return { ko: this.ko, en: this.en };
  }
}
