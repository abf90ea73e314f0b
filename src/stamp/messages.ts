// The stamp check's words, Korean and English, as data with `{name}` placeholders (filled by the
// engine's fillText, like findings). The pane and the CLI show the same sentences.
import type { Text } from '../standard/types';
import type { StampProblemCode } from './types';

const t = (ko: string, en: string): Text => ({ ko, en });

export const stampProblemTexts: Record<StampProblemCode, Text> = {
  damaged: t(
    '검증 표시가 손상되어 읽을 수 없습니다. 다시 검증 완료로 표시하세요.',
    'The validation stamp is damaged and cannot be read; mark the workbook validated again.',
  ),
  errors: t(
    '지금 데이터에 오류 {errors}건이 있습니다. 오류가 있는 데이터는 검증 표시가 보증할 수 없습니다.',
    'The data has {errors} error(s) now; a stamp never vouches for data with errors.',
  ),
  'unknown-standard': t(
    '검증 표시가 이 프로그램이 모르는 표준 {standard}을(를) 말합니다.',
    'The stamp names standard {standard}, which this program does not know.',
  ),
  'standard-mismatch': t(
    '검증 표시는 표준 {standard}이라고 하지만 통합시트의 표준버전은 {declared}입니다.',
    'The stamp names standard {standard}, but the workbook follows {declared}.',
  ),
  'unknown-engine': t(
    '검증 표시가 이 프로그램이 모르는 검증 엔진 {engine}을(를) 말합니다 (알려진 엔진: {known}).',
    'The stamp names validation engine {engine}, which this program does not know (known: {known}).',
  ),
  'old-format': t(
    '이전 버전의 delib이 만든 검증 표시(형식 {format})입니다. 계산 열, 요약, 시트 목록을 보증하지 않으므로 다시 검증 완료로 표시하세요.',
    'The stamp was made by an earlier delib (format {format}); it does not cover the computed columns, 요약 or the sheet list: mark the workbook validated again.',
  ),
  'unknown-format': t(
    '이 프로그램이 읽을 수 없는 검증 표시 형식({format})입니다. delib을 업데이트하세요.',
    'The stamp has a format this program cannot check ({format}); update delib.',
  ),
  counts: t(
    '검증 표시의 개수({claimed})가 데이터({found})와 다릅니다.',
    'The stamp’s counts ({claimed}) are not the data’s ({found}).',
  ),
  properties: t(
    '문서 속성 {names}이(가) 검증 표시와 다르거나 없습니다.',
    'The document properties {names} are missing or differ from the stamp.',
  ),
  'summary-line': t('요약 시트의 검증 줄이 {how}.', 'The stamp line on 요약 {how}.'),
};

export const summaryLineHow: Record<'missing' | 'different', Text> = {
  missing: t('없습니다', 'is missing'),
  different: t('검증 표시와 다릅니다', 'says something else than the stamp'),
};

/** The verdict in one line, by status (`{n}`: units changed, `{detail}`: which). */
export const verdictHeadlines = {
  absent: t('검증 표시 없음', 'no validation stamp'),
  damaged: t('검증 표시가 손상되어 읽을 수 없음', 'the validation stamp is damaged'),
  valid: t('유효 — 검증 이후 변경 없음, 오류 없음', 'valid — unchanged since validation, no errors'),
  changed: t(
    '검증 이후 변경됨 — {n}곳이 다름 ({detail})',
    'changed since validation — {n} unit(s) differ ({detail})',
  ),
  invalid: t('검증 표시가 이 데이터를 보증하지 않음', 'the stamp does not vouch for this data'),
} satisfies Record<string, Text>;

/** What a changed unit is called, with `{n}` where it counts rows. */
export const unitTexts = {
  info: t('기본정보', '기본정보'),
  forums: t('숙의공론장 {n}행', '{n} 숙의공론장 row(s)'),
  council: t('협치회의 구성 {n}행', '{n} council row(s)'),
  names: t('위원 성명', 'council members’ names'),
  sheets: t('시트 목록', 'the sheet list'),
  summary: t('요약', '요약'),
} satisfies Record<string, Text>;

/** The data now and the stamp's claims, labelled as what they are. */
export const factTexts = {
  data: t(
    '데이터(지금): 표준 {standard}, {rows}행, 위원 {council}명, 오류 {errors}, 경고 {warnings}, 해시 {hash}',
    'data (now): standard {standard}, {rows} rows, {council} council members, {errors} errors, {warnings} warnings, hash {hash}',
  ),
  claims: t(
    '검증 표시의 주장: {at}, {by}, 표준 {standard}, 엔진 {engine}, {rows}행, 경고 {warnings}',
    'the stamp says: {at}, by {by}, standard {standard}, engine {engine}, {rows} rows, {warnings} warnings',
  ),
} satisfies Record<string, Text>;
