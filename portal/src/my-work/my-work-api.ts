/** One thing due, as GET /me/work answers it (WorkItemView). */
export interface WorkItem {
  kind:
    'self_assessment' | 'explanation' | 'appraisal' | 'council_approval' | 'step' | 'aggregation';
  title: string;
  campaignId: string;
  campaignCode: string;
  campaignName: string;
  unitCode: string | null;
  unitName: string | null;
  stepNumber: number | null;
  stepTitle: string | null;
  deadline: string | null;
  /** dd/MM/yyyy HH:mm in the campaign's time zone, as the API formats it. */
  deadlineLocal: string | null;
  overdue: boolean;
  workingDays: number | null;
  /** The portal page where it is done (under /portal). */
  link: string;
}

export interface MyWork {
  at: string;
  items: WorkItem[];
}

export const MY_WORK_PATH = '/me/work';

/** "còn 4 ngày làm việc", "quá hạn 1 ngày làm việc": the API counts the working days. */
export function workingDaysText(item: Pick<WorkItem, 'overdue' | 'workingDays'>): string | null {
  const n = item.workingDays;
  if (item.overdue) return n ? `quá hạn ${n} ngày làm việc` : 'đã quá hạn';
  if (n === null) return null;
  return n > 0 ? `còn ${n} ngày làm việc` : 'hết hạn trong hôm nay';
}
