using System.Runtime.CompilerServices;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Newtonsoft.Json.Linq;
using CorePurgeFilter = DurableTask.Core.PurgeInstanceFilter;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace Minerva.Host.Durable;

/// <summary>
/// The standalone host's <see cref="DurableTaskClient"/>: talks to the task hub in Azure Storage directly (no
/// network hop), serializing inputs, events and outputs exactly as the worker's shims read them.
/// </summary>
internal sealed class AzureStorageDurableClient(AzureStorageOrchestrationService service) : DurableTaskClient("minerva")
{
    private static readonly DataConverter Converter = JsonDataConverter.Default;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, Converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? "",
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [],
        };

        // An instance id may be reused only once its previous execution has ended.
        CoreStatus[] running = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.Suspended];
        await service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, running);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName });

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        service.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);

        // Azure Storage answers an unknown (or purged) instance with a state that names no instance.
        return states is [{ OrchestrationInstance: not null } state, ..] ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)s).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
            };
            var result = await service.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                [.. result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))], result.ContinuationToken);
        });

    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        // Azure Storage writes the events without type names; each one's EventType says which class it is.
        string json = await service.GetOrchestrationHistoryAsync(instanceId, executionId: null);
        return [.. JArray.Parse(json).Select(e => (HistoryEvent)e.ToObject(HistoryEventClasses[(EventType)e.Value<int>(nameof(HistoryEvent.EventType))])!)];
    }

    private static readonly Dictionary<EventType, Type> HistoryEventClasses = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract && t.Namespace == typeof(HistoryEvent).Namespace)
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).EventType);

    public override async Task<Microsoft.DurableTask.Client.PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(instanceId);
        return new Microsoft.DurableTask.Client.PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<Microsoft.DurableTask.Client.PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var core = new CorePurgeFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => (CoreStatus)s));
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(core);
        return new Microsoft.DurableTask.Client.PurgeResult(result.DeletedInstanceCount);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent @event) =>
        service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = @event });

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    private static OrchestrationMetadata ToMetadata(OrchestrationState state, bool withInputsAndOutputs) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = Converter,
        RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
        CreatedAt = Utc(state.CreatedTime),
        LastUpdatedAt = Utc(state.LastUpdatedTime),
        SerializedInput = withInputsAndOutputs ? state.Input : null,
        SerializedOutput = withInputsAndOutputs ? state.Output : null,
        SerializedCustomStatus = state.Status,
        Tags = state.Tags is null ? new Dictionary<string, string>() : new Dictionary<string, string>(state.Tags),
        FailureDetails = state.FailureDetails is { } f ? new TaskFailureDetails(f.ErrorType, f.ErrorMessage, f.StackTrace, null, null) : null,
    };

    /// <summary>Azure Storage keeps UTC times without saying so.</summary>
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
