using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;
using DurableTask.Core.History;

namespace Minerva.Service.Api;

/// <summary>
/// An instance's history as the Durable extension's status query answers it with <c>showHistory=true</c>: Durable's
/// own PascalCase event fields, event types and orchestration statuses by name, orchestrator episodes left out, and
/// each scheduled activity or sub-orchestration folded into its completion (its <c>FunctionName</c>,
/// <c>ScheduledTime</c> and, with <c>showInput</c>, <c>Input</c>). <c>Result</c>s appear with <c>showHistoryOutput</c>.
/// Two differences, both to help the reader: payloads are JSON in the API's spelling (the extension leaves inputs as
/// JSON inside strings), and a sub-orchestration's completion names its <c>InstanceId</c>. Failures carry their
/// error type and message, never a stack trace.
/// </summary>
public static class DurableHistory
{
    /// <param name="orchestrator">The instance's orchestrator name (the types of its input and output).</param>
    public static JsonArray ToJson(string orchestrator, IReadOnlyList<HistoryEvent> history, bool showInput, bool showOutput)
    {
        var scheduled = new Dictionary<int, HistoryEvent>();
        foreach (var e in history.Where(IsScheduling))
        {
            scheduled[e.EventId] = e;
        }

        var settled = history.Select(ScheduledIdOf).OfType<int>().ToHashSet();
        var events = new JsonArray();
        foreach (var e in history.Where(e => e is not (OrchestratorStartedEvent or OrchestratorCompletedEvent) && !(IsScheduling(e) && settled.Contains(e.EventId))))
        {
            var item = new JsonObject { ["EventType"] = e.EventType.ToString(), ["Timestamp"] = Utc(e.Timestamp) };
            var origin = ScheduledIdOf(e) is { } id ? scheduled.GetValueOrDefault(id) : null;
            if (origin is not null)
            {
                AddOrigin(item, origin, showInput);
            }

            AddFields(item, e, orchestrator, showInput);
            if (showOutput && ResultOf(e) is { } result)
            {
                var task = e is ExecutionCompletedEvent ? orchestrator : NameOf(origin);
                item["Result"] = Node(OrchestrationPayloads.Output(task, result));
            }

            events.Add(item);
        }

        return events;
    }

    private static bool IsScheduling(HistoryEvent e) => e is TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent;

    private static string NameOf(HistoryEvent? origin) => origin switch
    {
        TaskScheduledEvent t => t.Name ?? "",
        SubOrchestrationInstanceCreatedEvent s => s.Name ?? "",
        _ => "",
    };

    private static int? ScheduledIdOf(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        _ => null,
    };

    /// <summary>What the extension copies from the scheduling event into the completion.</summary>
    private static void AddOrigin(JsonObject item, HistoryEvent origin, bool showInput)
    {
        var name = NameOf(origin);
        var (input, instanceId) = origin switch
        {
            TaskScheduledEvent t => (t.Input, null),
            SubOrchestrationInstanceCreatedEvent s => (s.Input, s.InstanceId),
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        item["FunctionName"] = name;
        item["ScheduledTime"] = Utc(origin.Timestamp);
        if (instanceId is not null)
        {
            item["InstanceId"] = instanceId;
        }

        if (showInput)
        {
            item["Input"] = Node(OrchestrationPayloads.Input(name, input));
        }
    }

    private static void AddFields(JsonObject item, HistoryEvent e, string orchestrator, bool showInput)
    {
        switch (e)
        {
            case ExecutionStartedEvent s:
                item["FunctionName"] = s.Name;
                AddInput(item, showInput, OrchestrationPayloads.Input(orchestrator, s.Input));
                break;
            case ExecutionCompletedEvent c:
                item["OrchestrationStatus"] = c.OrchestrationStatus.ToString();
                AddFailure(item, c.FailureDetails);
                break;
            case ExecutionTerminatedEvent t:
                AddInput(item, showInput, OrchestrationPayloads.Input("", t.Input));
                break;
            case TaskScheduledEvent t:
                item["Name"] = t.Name;
                AddInput(item, showInput, OrchestrationPayloads.Input(NameOf(t), t.Input));
                break;
            case SubOrchestrationInstanceCreatedEvent s:
                item["Name"] = s.Name;
                item["InstanceId"] = s.InstanceId;
                AddInput(item, showInput, OrchestrationPayloads.Input(NameOf(s), s.Input));
                break;
            case TaskFailedEvent f:
                AddFailure(item, f.FailureDetails, f.Reason);
                break;
            case SubOrchestrationInstanceFailedEvent f:
                AddFailure(item, f.FailureDetails, f.Reason);
                break;
            case EventRaisedEvent r:
                item["Name"] = r.Name;
                AddInput(item, showInput, OrchestrationPayloads.EventData(r.Name ?? "", r.Input));
                break;
            case TimerCreatedEvent t:
                item["FireAt"] = Utc(t.FireAt);
                break;
            case TimerFiredEvent t:
                item["FireAt"] = Utc(t.FireAt);
                break;
            case ExecutionSuspendedEvent s:
                item["Reason"] = s.Reason;
                break;
            case ExecutionResumedEvent r:
                item["Reason"] = r.Reason;
                break;
        }
    }

    private static string? ResultOf(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.Result,
        SubOrchestrationInstanceCompletedEvent c => c.Result,
        ExecutionCompletedEvent c => c.Result,
        _ => null,
    };

    private static void AddInput(JsonObject item, bool showInput, JsonElement? input)
    {
        if (showInput)
        {
            item["Input"] = Node(input);
        }
    }

    private static void AddFailure(JsonObject item, FailureDetails? failure, string? reason = null)
    {
        if (reason is not null || failure is not null)
        {
            item["Reason"] = reason ?? failure!.ErrorMessage;
        }

        if (failure is not null)
        {
            item["FailureDetails"] = new JsonObject { ["ErrorType"] = failure.ErrorType, ["ErrorMessage"] = failure.ErrorMessage };
        }
    }

    private static JsonNode? Node(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();
}
