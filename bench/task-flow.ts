/**
 * Where a run's workflow tasks spent their time, from the SDK's own metrics (Prometheus text of
 * the worker's Temporal runtime): how many tasks, how long they waited in the server's queue
 * before a poller took them, how long the worker held them, and the mean latency of the worker's
 * calls to the server. Printed by the bench's worker process when BENCH_WORKER_METRICS=on.
 */

/** Sum and count of one metric (a histogram's _sum/_count), added over the label sets matched. */
function totals(text: string, metric: string, labelFilter = ''): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/.exec(line);
    if (!match || !match[2]!.includes(labelFilter)) continue;
    if (match[1] === `${metric}_sum`) sum += Number(match[3]);
    if (match[1] === `${metric}_count`) count += Number(match[3]);
  }
  return { sum, count };
}

/** Share of a histogram's observations at or under `le` milliseconds. */
function shareAtMost(text: string, metric: string, le: number): number | null {
  let under = 0;
  let all = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)_bucket\{([^}]*)le="([^"]+)"\} ([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    if (match[3] === '+Inf') all += Number(match[4]);
    else if (Number(match[3]) === le) under += Number(match[4]);
  }
  return all > 0 ? under / all : null;
}

/** Workflow tasks the worker completed, by workflow type, most first. */
function tasksByType(text: string): string {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match =
      /^temporal_workflow_task_execution_latency_count\{[^}]*workflow_type="([^"]+)"[^}]*\} ([0-9.e+-]+)$/.exec(
        line,
      );
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `${type} ${count.toLocaleString('en-US')}`)
    .join(', ');
}

const mean = ({ sum, count }: { sum: number; count: number }) =>
  count > 0 ? `${Math.round(sum / count).toLocaleString('en-US')} ms` : 'n/a';

export function taskFlowSummary(metricsText: string): string {
  const queued = totals(metricsText, 'temporal_workflow_task_schedule_to_start_latency');
  const held = totals(metricsText, 'temporal_workflow_task_execution_latency');
  const quickShare = shareAtMost(
    metricsText,
    'temporal_workflow_task_schedule_to_start_latency',
    100,
  );
  const call = (operation: string, metric = 'temporal_request_latency') =>
    mean(totals(metricsText, metric, `operation="${operation}"`));
  return [
    `${queued.count.toLocaleString('en-US')} workflow tasks (${tasksByType(metricsText)})`,
    `in the server's queue mean ${mean(queued)}` +
      (quickShare === null ? '' : ` (${Math.round(quickShare * 100)} % within 100 ms)`),
    `held by the worker mean ${mean(held)}`,
    `calls: poll ${call('PollWorkflowTaskQueue', 'temporal_long_request_latency')}, ` +
      `task completion ${call('RespondWorkflowTaskCompleted')}, ` +
      `activity completion ${call('RespondActivityTaskCompleted')}`,
  ].join('; ');
}
