import { describe, expect, it } from 'vitest';
import { taskFlowSummary } from '../../bench/task-flow.js';

// Lines of a real worker's Prometheus output (a 5,000-unit bench run), trimmed to what is read,
// plus lines of other metrics and buckets that must not be counted.
const labels =
  'namespace="default",service_name="temporal-core-sdk",task_queue="bench-campaign-5000"';
const METRICS = `
# HELP temporal_workflow_task_schedule_to_start_latency Histogram of workflow task schedule-to-start latencies
temporal_workflow_task_schedule_to_start_latency_bucket{${labels},le="50"} 900
temporal_workflow_task_schedule_to_start_latency_bucket{${labels},le="100"} 1212
temporal_workflow_task_schedule_to_start_latency_bucket{${labels},le="+Inf"} 14596
temporal_workflow_task_schedule_to_start_latency_sum{${labels}} 136557414
temporal_workflow_task_schedule_to_start_latency_count{${labels}} 14596
temporal_workflow_task_execution_latency_sum{${labels},workflow_type="campaignWorkflow"} 1234
temporal_workflow_task_execution_latency_count{${labels},workflow_type="campaignWorkflow"} 49
temporal_workflow_task_execution_latency_sum{${labels},workflow_type="unitBatchWorkflow"} 48836
temporal_workflow_task_execution_latency_count{${labels},workflow_type="unitBatchWorkflow"} 210
temporal_workflow_task_execution_latency_sum{${labels},workflow_type="unitWorkflow"} 1325084
temporal_workflow_task_execution_latency_count{${labels},workflow_type="unitWorkflow"} 14306
temporal_workflow_task_replay_latency_count{${labels},workflow_type="unitWorkflow"} 9334
temporal_long_request_latency_sum{namespace="default",operation="PollWorkflowTaskQueue",service_name="temporal-core-sdk",task_queue="bench-campaign-5000"} 338980
temporal_long_request_latency_count{namespace="default",operation="PollWorkflowTaskQueue",service_name="temporal-core-sdk",task_queue="bench-campaign-5000"} 14597
temporal_long_request_latency_sum{namespace="default",operation="PollActivityTaskQueue",service_name="temporal-core-sdk",task_queue="bench-campaign-5000"} 494482
temporal_long_request_latency_count{namespace="default",operation="PollActivityTaskQueue",service_name="temporal-core-sdk",task_queue="bench-campaign-5000"} 66
temporal_request_latency_sum{namespace="default",operation="RespondWorkflowTaskCompleted",service_name="temporal-core-sdk"} 189348
temporal_request_latency_count{namespace="default",operation="RespondWorkflowTaskCompleted",service_name="temporal-core-sdk"} 14566
`;

describe('taskFlowSummary', () => {
  it('sums the workflow tasks over types, means the latencies and names the calls', () => {
    expect(taskFlowSummary(METRICS)).toBe(
      '14,596 workflow tasks (unitWorkflow 14,306, unitBatchWorkflow 210, campaignWorkflow 49); ' +
        "in the server's queue mean 9,356 ms (8 % within 100 ms); " +
        'held by the worker mean 94 ms; ' +
        'calls: poll 23 ms, task completion 13 ms, activity completion n/a',
    );
  });

  it('says n/a rather than dividing by nothing when the worker saw no task', () => {
    expect(taskFlowSummary('')).toBe(
      "0 workflow tasks (); in the server's queue mean n/a; held by the worker mean n/a; " +
        'calls: poll n/a, task completion n/a, activity completion n/a',
    );
  });
});
