/**
 * Checks a campaign's reminder policy as the API receives it (plain JSON), field by field, so a
 * 400 names the exact field: "reminderPolicy.daysBeforeDeadline[1] phải là …".
 */
import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  DEFAULT_REMINDER_POLICY,
  resolveReminderPolicy,
} from '../../domain/reminders/reminder-policy.js';

const DAY_LISTS = [
  'daysBeforeDeadline',
  'appraisalDaysBeforeOpening',
  'appraisalDaysBeforeDeadline',
  'councilDaysBeforeMeeting',
] as const;
const FIELDS = Object.keys(DEFAULT_REMINDER_POLICY);
const DIGEST_FIELDS = Object.keys(DEFAULT_REMINDER_POLICY.secretariatDigests);
const MAX_DAYS_IN_LIST = 20;

const got = (value: unknown) => `nhận được ${JSON.stringify(value)}`;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDay = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 366;

/** Every problem of `value` as a reminder policy, each naming its field; [] when it is valid. */
export function reminderPolicyProblems(value: unknown, name = 'reminderPolicy'): string[] {
  if (!isPlainObject(value)) {
    return [
      `${name} phải là một đối tượng gồm các trường của chính sách nhắc hạn (hoặc null để dùng mặc định), ${got(value)}`,
    ];
  }
  const problems: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const path = `${name}.${key}`;
    if (!FIELDS.includes(key)) {
      problems.push(
        `${path} không phải là trường của chính sách nhắc hạn (các trường: ${FIELDS.join(', ')})`,
      );
    } else if ((DAY_LISTS as readonly string[]).includes(key)) {
      if (!Array.isArray(field))
        problems.push(`${path} phải là một danh sách số ngày, ${got(field)}`);
      else if (field.length > MAX_DAYS_IN_LIST)
        problems.push(`${path} chỉ được liệt kê tối đa ${MAX_DAYS_IN_LIST} ngày`);
      else
        field.forEach((day, i) => {
          if (!isDay(day)) problems.push(`${path}[${i}] phải là một số nguyên 0–366, ${got(day)}`);
        });
    } else if (key === 'countDaysIn') {
      if (field !== 'working_days' && field !== 'calendar_days')
        problems.push(`${path} phải là working_days hoặc calendar_days, ${got(field)}`);
    } else if (key === 'sendTime') {
      if (typeof field !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(field))
        problems.push(`${path} phải là giờ địa phương dạng HH:mm, ví dụ 08:00, ${got(field)}`);
    } else if (key === 'escalateAtMissedDeadline' || key === 'unitWindowOpened') {
      if (typeof field !== 'boolean')
        problems.push(`${path} phải là true hoặc false, ${got(field)}`);
    } else if (key === 'overdueRepeatEveryWorkingDays') {
      if (!isDay(field))
        problems.push(`${path} phải là một số nguyên 0–366 (0: không nhắc lại), ${got(field)}`);
    } else if (key === 'secretariatDigests') {
      if (!isPlainObject(field)) {
        problems.push(
          `${path} phải là một đối tượng { windowOpened, windowClosed }, ${got(field)}`,
        );
      } else {
        for (const [digest, on] of Object.entries(field)) {
          if (!DIGEST_FIELDS.includes(digest))
            problems.push(
              `${path}.${digest} không phải là một loại thư tổng hợp (các loại: ${DIGEST_FIELDS.join(', ')})`,
            );
          else if (typeof on !== 'boolean')
            problems.push(`${path}.${digest} phải là true hoặc false, ${got(on)}`);
        }
      }
    }
  }
  if (problems.length === 0) {
    try {
      resolveReminderPolicy(value);
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/** A reminder policy: fields of DEFAULT_REMINDER_POLICY to change (null is handled by IsOptional). */
export function IsReminderPolicy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isReminderPolicy',
      validator: {
        validate: (value: unknown) => reminderPolicyProblems(value).length === 0,
        defaultMessage: (args) =>
          reminderPolicyProblems(args?.value, args?.property ?? 'reminderPolicy').join('; '),
      },
    },
    options,
  );
}
