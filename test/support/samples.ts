// The city's sample workbooks and what each must produce (../shared/samples/*.expected.json).
import fs from 'fs';
import path from 'path';
import type { Finding } from '../../src/engine';

export const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

export interface Planted {
  code: string;
  severity: string;
  sheet: string;
  row?: number;
  field?: string;
  fix?: string;
}

export interface Expected {
  planted: Planted[];
  metrics?: Record<string, unknown> & {
    meetings: number;
    hoursTotal: number;
    hoursPerMeeting: number;
    attendees: Record<'total' | 'official' | 'civilian', number>;
    expected: Record<'total' | 'official' | 'civilian', number>;
    attendanceRate: Record<'total' | 'official' | 'civilian', number>;
  };
}

export function expectedFor(xlsx: string): Expected {
  const file = path.join(SAMPLES, path.basename(xlsx).replace(/\.xlsx$/, '.expected.json'));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Expected;
}

/** A finding is the planted one when every key the expectation names agrees. */
export function matchesPlanted(f: Finding, p: Planted): boolean {
  return (
    f.code === p.code &&
    f.severity === p.severity &&
    f.sheet === p.sheet &&
    (p.row === undefined || f.row === p.row) &&
    (p.field === undefined || f.field === p.field) &&
    (p.fix === undefined || f.fix === p.fix)
  );
}
