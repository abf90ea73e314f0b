// The registry of `delib` subcommands, in the order `delib --help` lists them. Helpers that add a
// command add one import line and one array entry here.
import type { Command } from '../command';
import { validateCommand } from './validate';
import { summaryCommand } from './summary';
import { templateCommand } from './template';
import { submitCommand } from './submit';
import { sharepointCommand } from './sharepoint';
import { verifyCommand } from './verify';
import { districtsCommand } from './districts';

export const commands: Command[] = [
  validateCommand,
  summaryCommand,
  templateCommand,
  submitCommand,
  sharepointCommand,
  verifyCommand,
  districtsCommand,
];
