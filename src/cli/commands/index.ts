// The registry of `delib` subcommands, in the order `delib --help` lists them. Each entry is light
// data (name, summary, usage) and a `load` that brings in the implementation only when the command
// runs, so `delib --version` and `delib <command> --help` load no engine, exceljs or Graph client.
// Adding a command is one entry here and one module exporting a CommandRunner (docs/cli.md).
// Only the standard (plain data) may be imported at the top of this file; tests check it.
import type { Command } from '../command';
import { newestStandard, registry } from '../../standard';

const known = registry.versions.map((s) => s.version).join(', ');

const CITY_COMMON = [
  '  --format      table(기본), json, csv, md, xlsx(--out 필요) / table (default), json, csv, md, xlsx (needs --out)',
  '  --out         결과를 파일로 저장 / write the result to a file',
  '  --lang        ko(기본) 또는 en / ko (default) or en',
  '  --config      설정 파일 (기본: DELIB_CONFIG, config/delib.config.json) / the configuration file',
  '  --graph-root  Graph 주소를 바꿈 (로컬 대체 서버) / another Graph root (the local stand-in)',
];

export const commands: readonly Command[] = [
  {
    name: 'validate',
    summary: { ko: '통합시트 검사', en: 'validate workbooks against the standard' },
    usage: [
      '사용법 / usage: delib validate FILE... [--lang ko|en] [--format text|json]',
      '  --lang     보고서 언어(기본 ko) / report language (default ko)',
      '  --format   text(기본) 또는 json / text (default) or json',
      '  종료 코드 / exit: 0 오류 없음 no errors · 1 오류 있음 errors found · 2 사용법 오류·읽을 수 없는 파일 usage error or unreadable file',
    ].join('\n'),
    load: async () => (await import('./validate')).validateCommand,
  },
  {
    name: 'summary',
    summary: {
      ko: '자치구별 집계표(총계·평균) 만들기·검사',
      en: "the city's consolidated table (make or --check)",
    },
    usage: [
      '사용법 / usage: delib summary FILE... [--year Y] [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
      '        delib summary --check FILE [--format table|json] [--lang ko|en]',
      '  --format   table(기본), json, csv, md, xlsx(--out 필요) / table (default), json, csv, md, xlsx (needs --out)',
      "  --year     이 연도의 파일만 집계(연도가 섞이면 필요) / only this year's files (needed when years are mixed)",
      '  --out      결과를 파일로 저장 / write the result to a file',
      '  --check    손으로 만든 집계표(.xlsx, .csv, .md)의 앞뒤가 맞는지 검사 / check a hand-made consolidated table',
    ].join('\n'),
    load: async () => (await import('./summary')).summaryCommand,
  },
  {
    name: 'template',
    summary: {
      ko: '표준 통합시트(빈 양식 또는 예시) 만들기',
      en: 'write the standard workbook (blank or example)',
    },
    usage: [
      '사용법 / usage: delib template [--example] [--standard VERSION] OUT.xlsx',
      '  --example    예시 자료로 채운 통합시트 / a workbook filled with a generated example',
      `  --standard   표준버전(${known}; 기본 ${newestStandard.version}) / standard version (${known}; default ${newestStandard.version})`,
    ].join('\n'),
    load: async () => (await import('./template')).templateCommand,
  },
  {
    name: 'submit',
    summary: {
      ko: '통합시트를 SharePoint에 제출 (중복 없이, 이어서 제출 가능)',
      en: 'Submit workbooks to SharePoint (exactly once, resumable)',
    },
    usage: 'delib submit FILE... [--config FILE] [--graph-root URL] [--state-dir DIR]',
    load: async () => (await import('./submit')).submitCommand,
  },
  {
    name: 'sharepoint',
    summary: {
      ko: 'SharePoint 목록 확인·생성 (check | provision)',
      en: 'Check or provision the SharePoint lists',
    },
    usage: 'delib sharepoint check|provision [--config FILE] [--graph-root URL]',
    load: async () => (await import('./sharepoint')).sharepointCommand,
  },
  {
    name: 'verify',
    summary: { ko: '검증 완료 표시 확인', en: 'check a workbook’s validation stamp' },
    usage: [
      '사용법 / usage: delib verify FILE... [--sharepoint [--config FILE] [--graph-root URL]] [--lang ko|en] [--format text|json]',
      '  검증 표시(스탬프)가 지금 데이터를 보증하는지 확인합니다: 데이터를 다시 검증하고 해시·표준·엔진·문서 속성·요약 줄을 맞춰 봅니다',
      '  checks that the validation stamp vouches for the data now: validates again, compares hash, standard, engine, properties and the 요약 line',
      '  --sharepoint  서울시 Submissions 목록에서 이 데이터의 제출(제출자·시각은 SharePoint 기록)을 찾습니다',
      '                looks the data up in the city’s Submissions list (submitter and time as SharePoint recorded them)',
      '  종료 코드 / exit: 0 유효 valid · 1 변경·보증 불가·없음·손상·미제출 changed, not vouched for, absent, damaged, not submitted · 2 사용법 오류·읽을 수 없는 파일 usage error or unreadable file · 3 SharePoint에 물어볼 수 없음 SharePoint could not be asked',
    ].join('\n'),
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'districts',
    summary: {
      ko: '자치구 명부 가져오기·보기 (import | list)',
      en: 'Import or list the district register',
    },
    usage: [
      '사용법 / usage: delib districts import FILE [--dry-run] [--config FILE] [--graph-root URL]',
      '        delib districts list [--format table|json|csv] [--config FILE] [--graph-root URL]',
      '  import     명부 파일(.xlsx 시트 하나, 또는 UTF-8 .csv)을 모두 검사한 뒤 SharePoint Districts 목록에 씁니다',
      '             checks every row of the register file (.xlsx with one sheet, or UTF-8 .csv), then writes the Districts list',
      '  --dry-run  검사만 하고 쓰지 않습니다 / check only, write nothing',
      '  list       SharePoint의 명부를 명부 파일의 열로 출력 / prints the register in the file’s own columns',
      '  종료 코드 / exit: 0 완료 done · 1 명부 오류(가져오지 않음) register problems (nothing imported) · 2 사용법 오류·읽을 수 없는 파일 usage error or unreadable file',
    ].join('\n'),
    load: async () => (await import('./districts')).districtsCommand,
  },
  {
    name: 'status',
    summary: {
      ko: 'SharePoint 제출 현황 (기한 내·지연·미제출·확인 필요)',
      en: 'who has submitted, from SharePoint (on time, late, missing)',
    },
    usage: [
      '사용법 / usage: delib status --year Y --quarter Q [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
      '  SharePoint의 제출 현황: 기한 내 제출 / 지연 제출 / 미제출 / 확인 필요 (docs/city.md)',
      '  the status board from SharePoint: on time / late / missing / needs review',
      '  --year, --quarter  연도와 분기 / the year and quarter',
      ...CITY_COMMON,
      '  종료 코드 / exit: 0 모두 기한 내 / all on time, 1 미제출·지연·확인 필요 있음 / some missing, late or to review, 2 오류 / error',
    ].join('\n'),
    load: async () => (await import('./status')).statusCommand,
  },
  {
    name: 'databook',
    summary: {
      ko: 'SharePoint 제출로 자치구별 현황(자료집) 만들기, 연도 비교',
      en: 'the data book from SharePoint (and a year comparison)',
    },
    usage: [
      '사용법 / usage: delib databook --year Y [--quarter Q] [--compare Y0] [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
      '  SharePoint 제출로 만든 자치구별 현황 (총계·평균, 미제출 표시) / the data book from SharePoint',
      '  --quarter  그 분기에 열린 회의만 / only the meetings held in that quarter',
      '  --compare  다른 해와 비교 (csv는 비교표만) / compare with another year (csv: the comparison only)',
      ...CITY_COMMON,
    ].join('\n'),
    load: async () => (await import('./databook')).databookCommand,
  },
  {
    name: 'composition',
    summary: {
      ko: 'SharePoint 제출로 협치회의 구성표 만들기',
      en: 'the council composition table from SharePoint',
    },
    usage: [
      '사용법 / usage: delib composition --year Y [--format table|json|csv|md|xlsx] [--out PATH] [--lang ko|en]',
      '  협치회의 구성표 (민간 ≥ 70%, 성별 각 ≥ 40%) / the council composition table',
      ...CITY_COMMON,
    ].join('\n'),
    load: async () => (await import('./composition')).compositionCommand,
  },
];
