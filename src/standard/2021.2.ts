// The city's standard workbook, version 2021.2 (../shared/standard/README.md §7): everything of
// 2021.1, plus three optional columns after 비고, six forum types before 기타, and the metrics by
// 단계 and by 진행방식.
import type { ColumnDefinition, EnumValueDefinition, Standard, Text } from './types';
import { standard2021_1 as base } from './2021.1';

const t = (ko: string, en: string): Text => ({ ko, en });

const added: ColumnDefinition[] = [
  {
    key: 'stage',
    header: '단계',
    aliases: ['협치단계', '추진단계'],
    label: t('단계', 'Stage'),
    type: 'enum',
    enum: 'stage',
    required: false,
    width: 10,
  },
  {
    key: 'format',
    header: '진행방식',
    aliases: ['진행 방식', '운영방식'],
    label: t('진행방식', 'Format'),
    type: 'enum',
    enum: 'format',
    required: false,
    width: 10,
  },
  {
    key: 'agenda',
    header: '관련 의제',
    aliases: ['관련의제', '의제', '관련 사업'],
    label: t('관련 의제', 'Related agenda'),
    type: 'text',
    required: false,
    maxLength: 200,
    width: 28,
  },
];

const newTypes: EnumValueDefinition[] = [
  { value: '토론회', label: t('토론회', 'Debate'), nearMisses: ['토론'] },
  { value: '설명회', label: t('설명회', 'Briefing'), nearMisses: ['설명'] },
  { value: '총회', label: t('총회', 'General assembly'), nearMisses: ['주민총회'] },
  { value: '포럼', label: t('포럼', 'Forum'), nearMisses: ['포름', 'forum'] },
  { value: '컨설팅', label: t('컨설팅', 'Consulting'), nearMisses: ['컨설턴트', '자문'] },
  { value: '성과공유회', label: t('성과공유회', 'Results sharing'), nearMisses: ['성과 공유회', '성과공유'] },
];

const notGiven = { key: '미기재', label: t('미기재', 'Not given') };

const beforeOther = base.enums.forumType.filter((e) => !e.fallback);
const other = base.enums.forumType.filter((e) => e.fallback);

export const standard2021_2: Standard = {
  ...base,
  version: '2021.2',
  sheets: {
    ...base.sheets,
    forums: { ...base.sheets.forums, columns: [...base.sheets.forums.columns, ...added] },
  },
  // Standard §7: metrics also by 단계 and by 진행방식; a row with the column blank is 미기재.
  groupings: [
    ...base.groupings,
    { key: 'byStage', label: t('단계별', 'By stage'), column: 'stage', by: 'value', blank: notGiven },
    { key: 'byFormat', label: t('진행방식별', 'By format'), column: 'format', by: 'value', blank: notGiven },
  ],
  enums: {
    ...base.enums,
    forumType: [...beforeOther, ...newTypes, ...other],
    stage: [
      { value: '계획수립', label: t('계획수립', 'Planning'), nearMisses: ['계획', '계획 수립'] },
      { value: '실행', label: t('실행', 'Implementation'), nearMisses: ['집행', '추진'] },
      { value: '평가', label: t('평가', 'Evaluation'), nearMisses: [] },
      { value: '환류', label: t('환류', 'Feedback'), nearMisses: ['피드백'] },
    ],
    format: [
      { value: '대면', label: t('대면', 'In person'), nearMisses: ['오프라인', '현장'] },
      { value: '온라인', label: t('온라인', 'Online'), nearMisses: ['비대면', '화상', 'zoom'] },
      { value: '병행', label: t('병행', 'Both'), nearMisses: ['혼합', '대면+온라인', '온·오프라인'] },
    ],
  },
};
