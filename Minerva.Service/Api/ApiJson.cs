using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minerva.Service.Api;

/// <summary>The API's JSON conventions, the same in both hosts.</summary>
public static class ApiJson
{
    /// <summary>
    /// Bodies: snake_case fields (as in the seed API), enums by name ("AwaitingUpload"). A request field the model
    /// does not have is refused rather than ignored, so a misspelt optional field ("on_conflit") is not silently dropped.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The orchestration status keeps Durable Functions' own camelCase names (instanceId, runtimeStatus...).</summary>
    public static JsonSerializerOptions OrchestrationOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
