import { Alert } from 'antd';
import { type ApiRequestError } from '../api/api-error';

/** A refusal of the API as it words it: its message and each problem (an import's rows). */
export interface Refusal {
  title: string;
  detail: string;
  problems: string[];
}

export function refusalOf(error: ApiRequestError): Refusal {
  const body = error.body as { errors?: unknown } | null;
  const rows = Array.isArray(body?.errors)
    ? body.errors
        .map((e: unknown) => (e as { message?: unknown })?.message)
        .filter((m): m is string => typeof m === 'string')
    : [];
  return {
    title: error.title,
    detail: error.detail,
    problems: [...error.fields.map((f) => f.message), ...rows],
  };
}

export function RefusalAlert({ refusal, onClose }: { refusal: Refusal; onClose: () => void }) {
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': 'Đóng' }}
      title={refusal.title}
      description={
        <>
          <p>{refusal.detail}</p>
          {refusal.problems.length > 0 && (
            <ul>
              {refusal.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
