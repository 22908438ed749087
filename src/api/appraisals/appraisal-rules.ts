/**
 * Checks of a round's entries before anything is written: shape (400), criteria and ranges
 * (422), the appraiser's agency (403), and which criteria the round takes (409/422).
 */
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { formatLocalDateTime } from '../../domain/local-time.js';
import { scoreProblem } from '../../domain/self-assessment-rules.js';
import type { AppraisalRound, Campaign, ExplanationRequest } from '../../entities/index.js';
import {
  assertLaunched,
  assertNotPublished,
  assertScoresOpen,
} from '../scoring-data/campaign-scope.js';
import type { Actor } from '../auth/actor.js';
import { type IndexTree, type TreeNode, whyNotScored } from '../scoring-data/index-tree.js';
import type { AppraisalItemDto } from './appraisal.dto.js';

export interface CheckedItem {
  leaf: TreeNode;
  score: number | null;
  notApplicable: boolean;
  comment: string | null;
}

function unprocessable(problems: string[]): UnprocessableEntityException {
  return new UnprocessableEntityException(
    problems.length === 1
      ? `${problems[0]}.`
      : `Có ${problems.length} vấn đề: ${problems.join('; ')}.`,
  );
}

/** Every item has a score or notApplicable: true (not both); each criterion once. */
export function checkShape(items: AppraisalItemDto[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const where = `items[${i}] (tiêu chí ${item.criterionCode})`;
    if (seen.has(item.criterionCode)) problems.push(`${where}: tiêu chí bị lặp lại`);
    seen.add(item.criterionCode);
    const scored = typeof item.score === 'number';
    if (scored && item.notApplicable === true) {
      problems.push(`${where}: không được gửi đồng thời điểm (score) và notApplicable: true`);
    } else if (!scored && item.notApplicable !== true) {
      problems.push(`${where}: cần cho điểm (score) hoặc notApplicable: true`);
    }
  });
  if (problems.length > 0) throw new BadRequestException(problems.join('; '));
}

/** Known appraised leaves with scores in range; 422 listing every problem. */
export function checkItems(tree: IndexTree, items: AppraisalItemDto[]): CheckedItem[] {
  const problems: string[] = [];
  const checked: CheckedItem[] = [];
  for (const item of items) {
    const why = whyNotScored(tree, item.criterionCode, 'appraiser');
    if (why) {
      problems.push(why);
      continue;
    }
    const leaf = tree.byCode.get(item.criterionCode)!;
    if (typeof item.score === 'number') {
      const problem = scoreProblem(leaf.code, item.score, leaf.maxPoints);
      if (problem) problems.push(problem);
    }
    checked.push({
      leaf,
      score: item.notApplicable === true ? null : (item.score ?? null),
      notApplicable: item.notApplicable === true,
      comment: item.comment?.trim() ? item.comment.trim() : null,
    });
  }
  if (problems.length > 0) throw unprocessable(problems);
  return checked;
}

/** An appraiser scores only the criteria its agency owns; 403 naming the others. */
export function checkAgency(actor: Actor, items: CheckedItem[], agencyCode: string | null): void {
  if (actor.role !== 'appraiser') return;
  const foreign = items.filter((item) => item.leaf.agencyId !== actor.agencyId);
  if (foreign.length === 0) return;
  const list = foreign
    .map((item) => `${item.leaf.code} (${item.leaf.agencyCode ?? 'chưa có cơ quan'})`)
    .join(', ');
  const vi = `Tài khoản này thẩm định cho cơ quan ${agencyCode ?? '(không rõ)'}; tiêu chí ${list} do cơ quan khác thẩm định`;
  throw new ForbiddenException(
    `${vi} (This token appraises for agency ${agencyCode ?? 'unknown'}; ${foreign.length === 1 ? 'criterion' : 'criteria'} ${list} ${foreign.length === 1 ? 'is' : 'are'} appraised by another agency).`,
  );
}

/** Round 2 re-scores only the criteria sent for explanation. */
export function checkRoundTwo(items: CheckedItem[], requested: Set<string>): void {
  const outside = items.filter((item) => !requested.has(item.leaf.id)).map((i) => i.leaf.code);
  if (outside.length > 0) {
    throw unprocessable([
      `thẩm định lần 2 chỉ chấm lại các tiêu chí đơn vị được yêu cầu giải trình; tiêu chí ${outside.join(', ')} không thuộc yêu cầu giải trình`,
    ]);
  }
}

export function roundParam(value: string): AppraisalRound {
  if (value !== '1' && value !== '2') {
    throw new BadRequestException(
      `Lần thẩm định (round) phải là 1 hoặc 2, nhận được «${value.slice(0, 20)}»`,
    );
  }
  return Number(value) as AppraisalRound;
}

/**
 * Why a round takes no scores in this campaign at all (draft, scores fixed, results announced),
 * as the 409 a save gets; null when it may. The scoring page reads the same answer.
 */
export function campaignRoundClosure(
  campaign: Campaign,
  round: AppraisalRound,
): ConflictException | null {
  try {
    assertLaunched(campaign);
    assertScoresOpen(campaign, `nhập điểm thẩm định lần ${round}`);
    assertNotPublished(campaign, `nhập điểm thẩm định lần ${round}`);
    return null;
  } catch (err) {
    if (err instanceof ConflictException) return err;
    throw err;
  }
}

/**
 * Why a round takes no scores for this unit: round 1 closes when the unit's explanation requests
 * are confirmed; round 2 takes only a unit that was asked to explain. `confirmed`: the unit's
 * confirmed requests, oldest first.
 */
export function unitRoundClosure(
  campaign: Campaign,
  unitCode: string,
  round: AppraisalRound,
  confirmed: readonly Pick<ExplanationRequest, 'confirmedAt'>[],
): ConflictException | null {
  if (round === 1 && confirmed.length > 0) {
    const at = confirmed[0]!.confirmedAt;
    const when = at ? formatLocalDateTime(at, campaign.timeZone) : null;
    return new ConflictException(
      `Lần thẩm định 1 của đơn vị ${unitCode} đã đóng: đơn vị đã được đề nghị giải trình ${confirmed.length} tiêu chí${when ? ` ngày ${when}` : ''}; chấm lại các tiêu chí đó ở lần 2 (Round 1 of unit ${unitCode} is closed: it was asked to explain ${confirmed.length} ${confirmed.length === 1 ? 'criterion' : 'criteria'}${when ? ` on ${when}` : ''}; re-score the requested criteria in round 2).`,
    );
  }
  if (round === 2 && confirmed.length === 0) {
    return new ConflictException(
      `Đơn vị ${unitCode} không được đề nghị giải trình: lần thẩm định 2 chỉ chấm lại các tiêu chí đơn vị đã giải trình (No explanation was requested from unit ${unitCode}: round 2 re-scores only the criteria a unit was asked to explain).`,
    );
  }
  return null;
}
