/**
 * Where a run's workflow tasks spent their time, from the SDK's own metrics (Prometheus text of
 * the worker's Temporal runtime): how many tasks, how long they waited in the server's queue
 * before a poller took them, how long the worker held them, and the mean latency of the worker's
 * calls to the server. Printed by the bench's worker process when BENCH_WORKER_METRICS=on.
 */

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of Prometheus' text format (`name{label="value",…} number`). */
function samples(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries(
      [...match[2]!.matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/** Sum of the samples named so whose labels include `labels`. */
function total(all: Sample[], name: string, labels: Record<string, string> = {}): number {
  return all
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

/** Mean of a histogram over the label sets matched, or n/a when it observed nothing. */
function mean(all: Sample[], histogram: string, labels: Record<string, string> = {}): string {
  const count = total(all, `${histogram}_count`, labels);
  return count > 0 ? ms(total(all, `${histogram}_sum`, labels) / count) : 'n/a';
}

export function taskFlowSummary(metricsText: string): string {
  const all = samples(metricsText);
  const queue = 'temporal_workflow_task_schedule_to_start_latency';
  const held = 'temporal_workflow_task_execution_latency';
  const tasks = total(all, `${queue}_count`);
  const within100 = total(all, `${queue}_bucket`, { le: '100' });
  const byType = new Map<string, number>();
  for (const s of all) {
    const type = s.labels.workflow_type;
    if (s.name === `${held}_count` && type) byType.set(type, (byType.get(type) ?? 0) + s.value);
  }
  const types = [...byType]
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${type} ${count.toLocaleString('en-US')}`)
    .join(', ');
  const call = (operation: string, histogram = 'temporal_request_latency') =>
    mean(all, histogram, { operation });
  return [
    `${tasks.toLocaleString('en-US')} workflow tasks (${types})`,
    `in the server's queue mean ${mean(all, queue)}` +
      (tasks > 0 ? ` (${Math.round((within100 / tasks) * 100)} % within 100 ms)` : ''),
    `held by the worker mean ${mean(all, held)}`,
    `calls: poll ${call('PollWorkflowTaskQueue', 'temporal_long_request_latency')}, ` +
      `task completion ${call('RespondWorkflowTaskCompleted')}, ` +
      `activity completion ${call('RespondActivityTaskCompleted')}`,
  ].join('; ');
}
