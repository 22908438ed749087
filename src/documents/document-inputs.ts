/**
 * What the documents are built from: plain data, read by src/loaders/document-inputs.ts (or
 * written by hand in a test). Nothing here touches a database.
 */
import { formatHundredths, GROUP_NAMES_VI, pointsToHundredths } from '../domain/scoring/index.js';

/** A document the campaign rests on: "Quyết định số 3176/QĐ-UBND ngày 18/11/2021 …". */
export interface DecisionInput {
  number: string;
  /** Local date "2021-11-18". */
  date: string;
  title: string;
}

/** One step of the plan as the plan's table shows it. */
export interface PlanStepInput {
  number: number;
  title: string;
  /** "01/12/2021 – 24/12/2021", "Tháng 11/2021", "Sau bước 10". */
  window: string;
  lead: string;
  coordinating: string;
}

/** The campaign as every document names it. */
export interface CampaignInput {
  code: string;
  name: string;
  year: number;
  /** "Vĩnh Long" */
  province: string;
  decisions: DecisionInput[];
  /** The standing body: "Sở Nội vụ". */
  secretariat: string;
  steps: PlanStepInput[];
}

/** The year a step's document is dated in (its window's), with the clerk's blanks for the day. */
export interface Dated {
  year: number;
}

/** "Ủy ban nhân dân tỉnh Vĩnh Long" and its header forms. */
export function provinceCommittee(province: string) {
  return {
    header: `ỦY BAN NHÂN DÂN\nTỈNH ${province.toUpperCase()}`,
    parent: `UBND TỈNH ${province.toUpperCase()}`,
    name: `Ủy ban nhân dân tỉnh ${province}`,
    chairman: `Chủ tịch Ủy ban nhân dân tỉnh ${province}`,
  };
}

/** "Quyết định số 3176/QĐ-UBND ngày 18/11/2021 về Kế hoạch …" */
export function decisionPhrase(decision: DecisionInput): string {
  const [y, m, d] = decision.date.split('-');
  return `Quyết định số ${decision.number} ngày ${d}/${m}/${y} về ${lowerFirst(decision.title)}`;
}

export function lowerFirst(text: string): string {
  return text ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Points as officials write them: two decimals with a comma ("98,30"). */
export function pointsText(points: number | null | undefined): string {
  if (points === null || points === undefined) return '';
  return formatHundredths(pointsToHundredths(points) ?? 0, ',');
}

/** A maximum as the index set writes it: "10", "2,5". */
export function maxText(points: number): string {
  return Number.isInteger(points) ? String(points) : pointsText(points);
}

/** "sở, ban, ngành tỉnh" for a group code; the code itself when unknown. */
export function groupName(group: string): string {
  return GROUP_NAMES_VI[group] ?? group;
}

/** "Khối sở, ban, ngành tỉnh" as a table's group heading. */
export function groupHeading(group: string): string {
  return `Khối ${groupName(group)}`;
}
