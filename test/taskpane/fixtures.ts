// Small hand-built findings and metrics for the pane's view-model tests.
import type { Finding, Metrics, WorkbookMetrics } from '../../src/engine/report';
import { standard2021_1 } from '../../src/standard/2021.1';

export function finding(over: Partial<Finding>): Finding {
  return {
    code: 'type-error',
    severity: 'error',
    sheet: '숙의공론장',
    cell: 'G5',
    row: 5,
    field: 'expectedOfficial',
    value: '열둘',
    message: {
      ko: "'대상인원(행정)'의 값 '열둘'을(를) 인원 수(으)로 읽을 수 없습니다.",
      en: "'Expected (officials)': '열둘' cannot be read as a number of people.",
    },
    fix: null,
    ...over,
  };
}

export function metrics(
  attended: [number, number],
  expected: [number, number],
  meetings = 1,
  hours = 2,
): Metrics {
  const rate = (a: number, e: number) => (e === 0 ? null : a / e);
  return {
    meetings,
    hoursTotal: hours,
    hoursPerMeeting: meetings ? hours / meetings : null,
    attendees: { total: attended[0] + attended[1], official: attended[0], civilian: attended[1] },
    expected: { total: expected[0] + expected[1], official: expected[0], civilian: expected[1] },
    attendanceRate: {
      total: rate(attended[0] + attended[1], expected[0] + expected[1]),
      official: rate(attended[0], expected[0]),
      civilian: rate(attended[1], expected[1]),
    },
  };
}

export function workbookMetrics(): WorkbookMetrics {
  const empty = metrics([0, 0], [0, 0], 0, 0);
  const byType: Record<string, Metrics> = {};
  for (const t of standard2021_1.enums.forumType) byType[t.value] = empty;
  byType['분과회의'] = metrics([3, 7], [4, 8], 2, 3);
  byType['협치회의'] = metrics([5, 10], [5, 20], 1, 2);
  return {
    overall: metrics([8, 17], [9, 28], 3, 5),
    byQuarter: { '1': metrics([8, 17], [9, 28], 3, 5), '2': empty, '3': empty, '4': empty },
    byType,
  };
}
