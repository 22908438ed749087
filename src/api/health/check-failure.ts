import { isGrpcServiceError } from '@temporalio/client';

/**
 * Why a health check failed, told without the error's own message: those name host names and
 * IP addresses ("connect ECONNREFUSED 10.0.3.7:5432"), which a health answer must not reveal.
 */
export interface CheckFailure {
  /** Stable reason for programs: an errno code, a gRPC status, a SQLSTATE, or "timeout". */
  reason: string;
  /** The same for people, in Vietnamese. */
  error: string;
}

/** gRPC status names by number (the ones a health probe meets). */
const GRPC_STATUS: Record<number, string> = {
  1: 'CANCELLED',
  4: 'DEADLINE_EXCEEDED',
  7: 'PERMISSION_DENIED',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

export class CheckTimeoutError extends Error {
  override name = 'CheckTimeoutError';
}

function reasonOf(err: unknown): string {
  if (err instanceof CheckTimeoutError) return 'timeout';
  if (isGrpcServiceError(err)) return GRPC_STATUS[Number(err.code)] ?? `GRPC_${Number(err.code)}`;
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (isGrpcServiceError(cause)) return reasonOf(cause);
  // nodemailer keeps the socket's own code (ECONNREFUSED) as originalCode under its ESOCKET.
  const { code, originalCode } = (err ?? {}) as { code?: unknown; originalCode?: unknown };
  if (typeof originalCode === 'string' && /^[A-Z0-9_]{2,32}$/.test(originalCode)) {
    return originalCode;
  }
  // Only codes that look like codes (ECONNREFUSED, EAUTH, 57P03), never free text.
  if (typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
  return 'error';
}

export function checkFailure(err: unknown): CheckFailure {
  const reason = reasonOf(err);
  const error =
    reason === 'timeout'
      ? 'Không trả lời trong thời gian cho phép.'
      : reason === 'ECONNREFUSED' || reason === 'UNAVAILABLE'
        ? `Không kết nối được (${reason}).`
        : `Kiểm tra không thành công (${reason}).`;
  return { reason, error };
}
