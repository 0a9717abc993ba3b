using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Minerva.Service.Orchestration;

namespace Minerva.Service.Api;

/// <summary>
/// Turns the payloads the Durable Task engine keeps (as its data converter wrote them: PascalCase, enums as numbers;
/// both hosts' converters do so) into the API's spelling (snake_case, enums by name). The type of a task's input and
/// output is the one its <c>TaskOrchestrator</c>/<c>TaskActivity</c> base class declares, an orchestrator's custom
/// status the one it sets, an event's data the one it is raised with. A payload of no known type (a terminate reason,
/// a task of an older version) keeps its values and only has its object keys renamed.
/// </summary>
public static class OrchestrationPayloads
{
    /// <summary>Reads what the engine wrote; a field the type lacks makes it not that type (nothing is dropped silently).</summary>
    private static readonly JsonSerializerOptions Engine = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, (Type Input, Type Output)> Tasks = typeof(ImportOrchestrator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract)
        .Select(t => (t.Name, Signature: TaskSignature(t)))
        .Where(t => t.Signature is not null)
        .ToDictionary(t => t.Name, t => t.Signature!.Value, StringComparer.Ordinal);

    private static readonly Dictionary<string, Type> CustomStatuses = new(StringComparer.Ordinal)
    {
        [nameof(ImportOrchestrator)] = typeof(ImportCustomStatus),
        [nameof(FilesetOrchestrator)] = typeof(FilesetCustomStatus),
        [nameof(RegionBatchOrchestrator)] = typeof(BatchCustomStatus),
    };

    private static readonly Dictionary<string, Type> Events = new(StringComparer.Ordinal)
    {
        [UploadComplete.EventName] = typeof(UploadComplete),
    };

    public static JsonElement? Input(string taskName, string? json) => Convert(json, Tasks.GetValueOrDefault(taskName).Input);

    public static JsonElement? Output(string taskName, string? json) => Convert(json, Tasks.GetValueOrDefault(taskName).Output);

    public static JsonElement? CustomStatus(string orchestratorName, string? json) => Convert(json, CustomStatuses.GetValueOrDefault(orchestratorName));

    public static JsonElement? EventData(string eventName, string? json) => Convert(json, Events.GetValueOrDefault(eventName));

    /// <summary>
    /// GET /import/{uuid}/orchestration: the import's orchestration (an ImportOrchestrator) and its sub-orchestrations,
    /// whose kinds that answer does not name, so theirs keep their values and only have their keys renamed.
    /// </summary>
    public static OrchestrationStatus Present(OrchestrationStatus status) => Present(status, nameof(ImportOrchestrator)) with
    {
        SubOrchestrations = [.. status.SubOrchestrations.Select(child => Present(child, ""))],
    };

    private static OrchestrationStatus Present(OrchestrationStatus status, string orchestratorName) => status with
    {
        CustomStatus = CustomStatus(orchestratorName, status.CustomStatus?.GetRawText()),
        Output = Output(orchestratorName, status.Output?.GetRawText()),
    };

    private static JsonElement? Convert(string? json, Type? type)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Not JSON at all (the Durable extension answers such a payload as a string too).
            return JsonSerializer.SerializeToElement(json);
        }

        if (type is not null && node is JsonObject or JsonArray && TryTyped(node, type) is { } typed)
        {
            return typed;
        }

        return JsonSerializer.SerializeToElement(Renamed(node));
    }

    private static JsonElement? TryTyped(JsonNode node, Type type)
    {
        try
        {
            return node.Deserialize(type, Engine) is { } value ? JsonSerializer.SerializeToElement(value, type, ApiJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonNode? Renamed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), Renamed(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Renamed)]),
        _ => node?.DeepClone(),
    };

    private static (Type Input, Type Output)? TaskSignature(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var definition
                && (definition == typeof(TaskOrchestrator<,>) || definition == typeof(TaskActivity<,>)))
            {
                var arguments = t.GetGenericArguments();
                return (arguments[0], arguments[1]);
            }
        }

        return null;
    }
}
