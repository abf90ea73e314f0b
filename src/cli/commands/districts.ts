// `delib districts import FILE` and `delib districts list`: the district register (standard §6) kept
// in SharePoint's Districts list. An import checks every row first and writes nothing when any row is
// bad (a register half imported would lock a district out or let the wrong person in); `list` prints
// the register in the file's own columns, so `list --format csv > f.csv` then `import f.csv` gives
// the same register back.
import path from 'node:path';
import { UsageError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIO, type CommandRunner } from '../command';
import { describeError, parseCommandLine } from '../errors';
import { textTable } from '../format';
import { readRegisterFile } from '../register-file';
import type { GraphSubmission } from '../../graph';
import { readRegister, writeRegister } from '../../graph/districts';
import { identityFor } from '../../graph/identity';
import { connectGraph } from '../graph-connection';
import {
  districtsInOrder,
  isCityOfficer,
  parseRegister,
  registerRows,
  type DistrictRegister,
  type RegisterProblem,
} from '../../register';
import { registerRules } from '../../standard/register';
import { csvField } from '../../workbook/text-table';

type ListFormat = 'table' | 'json' | 'csv';
const LIST_FORMATS: readonly ListFormat[] = ['table', 'json', 'csv'];

function problemLines(problems: readonly RegisterProblem[], io: CliIO): void {
  for (const p of problems)
    io.out(`${p.severity === 'error' ? '✗' : '•'} ${p.message.ko}\n  ${p.message.en}\n`);
}

/** The documented JSON: the city's row, then the districts in 가나다 order, by the file's column keys. */
export function registerJson(register: DistrictRegister): string {
  const { code, name } = registerRules.city;
  const row = (d: {
    code: string;
    name: string;
    dueYears: number[];
    submitters: DistrictRegister['officers'];
  }) => ({
    code: d.code,
    name: d.name,
    dueYears: d.dueYears,
    submitters: [...d.submitters.people, ...d.submitters.groups],
  });
  return (
    JSON.stringify(
      [
        row({ code, name, dueYears: [], submitters: register.officers }),
        ...districtsInOrder(register).map(row),
      ],
      null,
      2,
    ) + '\n'
  );
}

/** RFC 4180 with a byte-order mark, so Excel opens it as UTF-8 and `import` reads it back. */
export function registerCsv(register: DistrictRegister): string {
  return (
    '\uFEFF' +
    registerRows(register)
      .map((r) => r.map(csvField).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

async function importFile(file: string, dryRun: boolean, graph: () => GraphSubmission, io: CliIO) {
  const absolute = path.resolve(io.cwd, file);
  let sheet;
  try {
    sheet = await readRegisterFile(absolute);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const { ko, en } = describeError(e);
    const strip = (s: string) => s.replace(`${absolute}: `, '');
    io.err(`✗ ${file}: ${strip(ko)} / ${strip(en)}\n`);
    return EXIT_USAGE;
  }
  const { register, problems } = parseRegister(sheet);
  problemLines(problems, io);
  if (!register) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.out(
      `✗ ${file}: 오류 ${errors}건 — 명부를 가져오지 않았습니다 (SharePoint의 명부는 그대로입니다)\n` +
        `  ${file}: ${errors} error(s) — nothing imported (the register in SharePoint is unchanged)\n`,
    );
    return EXIT_FINDINGS;
  }
  const counted = `${register.districts.length}개 자치구 / ${register.districts.length} districts`;
  if (dryRun) {
    io.out(
      `✓ ${file}: 명부에 문제가 없습니다 (${counted}); --dry-run이라 쓰지 않았습니다 / the register is sound; --dry-run wrote nothing\n`,
    );
    return EXIT_OK;
  }
  const g = graph();
  const stored = await readRegister(g.site);
  // SharePoint's own permissions on the Districts list are the guard (docs/sharepoint.md); this stops
  // a district officer who was given write access by mistake. An empty or unreadable list is the
  // city's to fill or repair, so it is not asked.
  const current = stored.register;
  const me = await identityFor(g.http, current ?? register, register);
  if (current && !isCityOfficer(current, me)) {
    const keeper = registerRules.keeper;
    io.err(
      `✗ ${me.upn} 계정은 현재 명부의 시 담당자(서울특별시 행)가 아니어서 명부를 바꿀 수 없습니다. ${keeper.ko}에 요청하세요.\n` +
        `  ${me.upn} is not a city officer on the register in use (the 서울특별시 row), so it cannot change the register. Ask ${keeper.en}.\n`,
    );
    return EXIT_FINDINGS;
  }
  const written = await writeRegister(g.site, register);
  io.out(
    `✓ 명부를 가져왔습니다 (${counted}): 추가 ${written.created}, 변경 ${written.updated}, 삭제 ${written.deleted}\n` +
      `  register imported: ${written.created} added, ${written.updated} changed, ${written.deleted} removed\n`,
  );
  if (!isCityOfficer(register, me))
    io.err(
      `• ${me.upn} 계정은 새 명부의 시 담당자가 아니므로 다음에는 명부를 바꿀 수 없습니다.\n` +
        `  ${me.upn} is not a city officer on the new register, so it cannot change the register again.\n`,
    );
  return EXIT_OK;
}

async function list(format: ListFormat, graph: GraphSubmission, io: CliIO): Promise<number> {
  const stored = await readRegister(graph.site);
  if (!stored.register) {
    for (const p of stored.problems) {
      const item = p.row !== null ? stored.itemOfRow.get(p.row) : undefined;
      const where = item ? ` (Districts 항목 item ${item})` : '';
      io.err(`${p.severity === 'error' ? '✗' : '•'}${where} ${p.message.ko}\n  ${p.message.en}\n`);
    }
    io.err(
      stored.itemOfRow.size === 0
        ? '✗ SharePoint의 명부가 비어 있습니다: delib districts import FILE로 채우세요 / the register in SharePoint is empty: fill it with delib districts import FILE\n'
        : '✗ SharePoint의 명부(Districts 목록)에 잘못된 행이 있어 쓸 수 없습니다 / the register in SharePoint (the Districts list) has bad rows and cannot be used\n',
    );
    return EXIT_FINDINGS;
  }
  for (const p of stored.problems) io.err(`• ${p.message.ko}\n  ${p.message.en}\n`);
  if (format === 'json') io.out(registerJson(stored.register));
  else if (format === 'csv') io.out(registerCsv(stored.register));
  else {
    const [header, ...rows] = registerRows(stored.register);
    // Text, all of it: left-aligned.
    io.out(textTable(header, rows, Infinity));
  }
  return EXIT_OK;
}

export const districtsCommand: CommandRunner = {
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandLine(args, {
      options: {
        config: { type: 'string' },
        'graph-root': { type: 'string' },
        format: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
    const [action, ...rest] = positionals;
    if (action === 'import') {
      if (rest.length !== 1)
        throw new UsageError('가져올 명부 파일 하나를 지정하세요', 'name one register file to import');
      if (values.format !== undefined)
        throw new UsageError('--format은 list에만 씁니다', '--format is for list only');
    } else if (action === 'list') {
      if (rest.length > 0) throw new UsageError('list는 파일을 받지 않습니다', 'list takes no file');
      if (values['dry-run'])
        throw new UsageError('--dry-run은 import에만 씁니다', '--dry-run is for import only');
    } else {
      throw new UsageError('import 또는 list를 지정하세요.', 'say import or list.');
    }
    const format = (values.format ?? 'table') as ListFormat;
    if (!LIST_FORMATS.includes(format))
      throw new UsageError(
        `알 수 없는 --format '${format}' (${LIST_FORMATS.join('|')})`,
        `unknown --format '${format}' (${LIST_FORMATS.join('|')})`,
      );
    try {
      if (action === 'import')
        return await importFile(rest[0], !!values['dry-run'], () => connectGraph(values, io), io);
      return await list(format, connectGraph(values, io), io);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const { ko, en } = describeError(e);
      io.err(`✗ ${ko} / ${en}\n`);
      return EXIT_USAGE;
    }
  },
};
