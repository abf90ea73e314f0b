// The city desk's session: signs in, checks that the account is a city officer on the register (or
// that the deployment opens the desk to everyone), and on each refresh reads the register and the two
// years' Submissions from SharePoint, computes the board, the data book, the composition table and
// the comparison (src/city), and has src/excel write the consolidation workbook. The pane renders its
// DeskState and sends its intents; everything it needs arrives in `DeskDeps`.
import type { DelibConfig } from '../../config';
import type { TokenProvider } from '../../auth/types';
import { BilingualError } from '../../bilingual';
import { compareYears, compositionTable, dataBook, deadlineFor, statusBoard } from '../../city';
import { submissionCalendar } from '../../standard/calendar';
import type { Quarter } from '../../engine/report';
import { createGraphSubmission, type GraphSubmission } from '../../graph';
import { readCity, readerIdentity } from '../../graph/city';
import { readRegister } from '../../graph/districts';
import { isCityOfficer, type DistrictRegister, type Identity } from '../../register';
import type { ExcelRunner } from '../../excel/host';
import type { DocumentSettings } from '../../excel/settings';
import { writeDesk } from '../../excel/desk';
import { newestStandard } from '../../standard';
import type { Text } from '../../standard/types';
import { deskSheets } from '../../workbook/desk';
import type { DeskSession, DeskState, DeskSummary } from '../../session/desk';
import { paneLanguage } from '../view/language';

export interface DeskDeps {
  loadConfig(): Promise<DelibConfig | null>;
  tokens(config: DelibConfig): Promise<TokenProvider>;
  run: ExcelRunner;
  settings: DocumentSettings;
  now(): Date;
  displayLanguage: string;
}

const t = (ko: string, en: string): Text => ({ ko, en });

function problemOf(e: unknown): Text {
  if (e instanceof BilingualError) return e.text;
  const text = e as Partial<Text> | null;
  if (text && typeof text.ko === 'string' && typeof text.en === 'string') return { ko: text.ko, en: text.en };
  const detail = e instanceof Error ? e.message : String(e);
  return t(`예기치 않은 오류: ${detail}`, `Unexpected error: ${detail}`);
}

/**
 * The year and quarter a desk opens on: the latest year the register makes anyone due in (not after
 * this one), and its last quarter whose due date has passed (the first while none has).
 */
export function defaultPeriod(years: number[], now: Date): { year: number; quarter: Quarter } {
  const thisYear = Number(new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 4));
  const year = years.find((y) => y <= thisYear) ?? years[years.length - 1] ?? thisYear;
  const passed = ([1, 2, 3, 4] as Quarter[]).filter(
    (q) => deadlineFor(submissionCalendar, year, q).lateFromMs <= now.getTime(),
  );
  return { year, quarter: passed[passed.length - 1] ?? 1 };
}

function dueYears(register: DistrictRegister): number[] {
  return [...new Set(register.districts.flatMap((d) => d.dueYears))].sort((a, b) => b - a);
}

export class DeskController implements DeskSession {
  private state: DeskState;
  private listeners = new Set<(s: DeskState) => void>();
  private graph: GraphSubmission | null = null;
  private reader: (Identity & { objectId: string }) | null = null;

  constructor(private readonly deps: DeskDeps) {
    const { year, quarter } = defaultPeriod([], deps.now());
    this.state = {
      status: 'starting',
      account: null,
      year,
      quarter,
      compareYear: year - 1,
      years: [],
      summary: null,
      conflicts: [],
      conflictsTotal: 0,
      lastRefresh: null,
      problem: null,
      displayLanguage: deps.displayLanguage,
    };
  }

  getState(): DeskState {
    return this.state;
  }

  subscribe(listener: (s: DeskState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<DeskState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  async start(): Promise<void> {
    try {
      const config = await this.deps.loadConfig();
      if (!config) {
        this.set({ status: 'not-configured' });
        return;
      }
      this.graph = createGraphSubmission({
        config,
        tokens: await this.deps.tokens(config),
        standard: newestStandard,
      });
      const stored = await readRegister(this.graph.site);
      if (!stored.register)
        throw new BilingualError(
          `SharePoint의 자치구 명부에 문제가 있습니다: ${stored.problems[0]?.message.ko ?? ''}`,
          `The district register in SharePoint has problems: ${stored.problems[0]?.message.en ?? ''}`,
        );
      this.reader = await readerIdentity(this.graph.http, stored.register);
      const officer = isCityOfficer(stored.register, this.reader);
      const years = dueYears(stored.register);
      const { year, quarter } = defaultPeriod(years, this.deps.now());
      const open = officer || config.desk.access === 'everyone';
      this.set({
        status: open ? 'ready' : 'not-officer',
        account: this.reader.upn,
        years,
        year,
        quarter,
        compareYear: year - 1,
      });
    } catch (e) {
      this.set({ status: 'error', problem: problemOf(e) });
    }
  }

  choose(choice: { year?: number; quarter?: Quarter; compareYear?: number }): void {
    const year = choice.year ?? this.state.year;
    const compareYear = choice.compareYear ?? (choice.year !== undefined ? year - 1 : this.state.compareYear);
    this.set({ year, quarter: choice.quarter ?? this.state.quarter, compareYear });
  }

  dismissConflicts(): void {
    this.set({ status: 'ready', conflicts: [], conflictsTotal: 0 });
  }

  async refresh(options: { overwrite?: boolean } = {}): Promise<void> {
    const graph = this.graph;
    if (!graph || (this.state.status !== 'ready' && this.state.status !== 'conflicts')) return;
    const started = Date.now();
    const requestsBefore = graph.http.requestsSent;
    const { year, quarter, compareYear } = this.state;
    this.set({ status: 'reading', problem: null });
    try {
      const reader = this.reader;
      const reading = await readCity(graph.site, [compareYear, year], {
        standard: newestStandard,
        reader: async (register) => reader ?? readerIdentity(graph.http, register),
      });
      const base = {
        submissions: reading.submissions,
        register: reading.register,
        groupsOf: reading.groupsOf,
      };
      const now = this.deps.now();
      const board = statusBoard({ ...base, year, quarter, now });
      const book = dataBook({ ...base, year });
      const earlier = dataBook({ ...base, year: compareYear });
      const composition = compositionTable({ ...base, year });
      const comparison = earlier.rows.length ? compareYears(earlier, book, newestStandard) : null;
      const lang = paneLanguage(this.deps.displayLanguage);
      this.set({ status: 'writing' });
      const written = await writeDesk(
        this.deps.run,
        deskSheets({
          board,
          dataBook: book,
          composition,
          comparison,
          compareYear,
          readAt: now,
          notes: reading.notes,
          standard: newestStandard,
          lang,
        }),
        this.deps.settings,
        options,
      );
      const summary: DeskSummary = {
        year,
        quarter,
        due: board.deadline.date,
        counts: board.counts,
        attention: board.rows
          .filter((r) => r.state !== 'on-time')
          .map((r) => ({
            district: r.district,
            state: r.state,
            label: r.label,
            remarks: r.reasons,
          })),
        dataBook: { districts: book.rows.length, missing: book.missing.length },
        composition: composition.compliantDistricts,
        compared: comparison ? comparison.from : null,
      };
      const lastRefresh = {
        syncs: written.syncs,
        requests: graph.http.requestsSent - requestsBefore,
        ms: Date.now() - started,
        sheets: written.kind === 'written' ? written.sheets : [],
      };
      if (written.kind === 'conflicts')
        this.set({
          status: 'conflicts',
          summary,
          conflicts: written.conflicts,
          conflictsTotal: written.total,
          lastRefresh,
        });
      else this.set({ status: 'ready', summary, conflicts: [], conflictsTotal: 0, lastRefresh });
    } catch (e) {
      this.set({ status: 'ready', problem: problemOf(e) });
    }
  }
}
