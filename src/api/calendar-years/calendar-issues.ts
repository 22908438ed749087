/**
 * The calendar data's problems (src/domain/calendar: English, for logs and the domain's tests)
 * said in Vietnamese for the official who loads a year, each naming its field or its cell.
 */
import type { CalendarDataIssue } from '../../domain/calendar/calendar-data.js';

/** What the domain says a value was ("an array", "null", "number"…), in Vietnamese. */
function got(text: string): string {
  return text
    .replace(/^an array$/, 'một danh sách')
    .replace(/^number$/, 'một số')
    .replace(/^boolean$/, 'giá trị true/false')
    .replace(/^object$/, 'một đối tượng');
}

const RULES: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^expected a year such as 2022, got (.*)$/, (v) => `phải là một năm như 2027, nhận được ${v}`],
  [
    /^expected a whole number such as 2023, got (.*)$/,
    (v) => `phải là một số nguyên chỉ năm, như 2027, nhận được ${got(v)}`,
  ],
  [
    /^expected an ISO weekday 1 \(Mon\) … 7 \(Sun\)(?:, got (.*))?$/,
    (v) =>
      `phải là thứ trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật)${v ? `, nhận được ${got(v)}` : ''}`,
  ],
  [/^weekday (\d) is listed twice$/, (d) => `thứ ${d} được ghi hai lần`],
  [/^a week needs at least one working day$/, () => 'một tuần phải có ít nhất một ngày làm việc'],
  [/^must not be empty$/, () => 'không được để trống'],
  [
    /^"(.*)" is not an existing day written YYYY-MM-DD$/,
    (v) => `«${v}» không phải là một ngày có thật (viết YYYY-MM-DD hoặc DD/MM/YYYY)`,
  ],
  [
    /^(\S+) is outside (\d+) \(and its neighbouring weeks\)$/,
    (d, y) => `ngày ${d} nằm ngoài năm ${y} (và các tuần liền kề)`,
  ],
  [/^(\S+) is before date (\S+)$/, (to, from) => `ngày ${to} ở trước ngày bắt đầu ${from}`],
  [/^a run of days off longer than a month$/, () => 'một đợt nghỉ không được dài quá một tháng'],
  [/^(\S+) is already a day off in (.*)$/, (d, p) => `ngày ${d} đã là ngày nghỉ ở ${p}`],
  [/^(\S+) is already listed in (.*)$/, (d, p) => `ngày ${d} đã được ghi ở ${p}`],
  [
    /^(\S+) cannot be a make-up working day and a day off \((.*)\)$/,
    (d, p) => `ngày ${d} không thể vừa là ngày làm bù vừa là ngày nghỉ (${p})`,
  ],
  [
    /^(\S+) is a day off in another year's data$/,
    (d) => `ngày ${d} là ngày nghỉ trong lịch của một năm khác`,
  ],
  [
    /^unknown field \(expected one of: (.*)\)$/,
    (list) => `trường không hợp lệ (các trường hợp lệ: ${list})`,
  ],
  [/^is required$/, () => 'là bắt buộc'],
  [/^expected a string, got (.*)$/, (v) => `phải là văn bản, nhận được ${got(v)}`],
  [/^expected an array, got (.*)$/, (v) => `phải là một danh sách, nhận được ${got(v)}`],
  [/^expected an object, got (.*)$/, (v) => `phải là một đối tượng, nhận được ${got(v)}`],
  [/^expected true or false, got (.*)$/, (v) => `phải là true hoặc false, nhận được ${got(v)}`],
  [
    /^expected one of (.*), got "(.*)"$/,
    (list, v) => `phải là một trong các giá trị ${list}, nhận được «${v}»`,
  ],
];

/** The issue's message in Vietnamese (the English one, quoted, for a message not known here). */
export function calendarIssueVi(issue: CalendarDataIssue): string {
  if (issue.path === '(json)') return `tệp không phải JSON hợp lệ (${issue.message})`;
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(issue.message);
    if (match) return say(...match.slice(1).map((group) => group ?? ''));
  }
  return `dữ liệu không hợp lệ (${issue.message})`;
}
