using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minerva.Cli.Api;

/// <summary>The API's JSON conventions: snake_case fields, enums as their names.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Indented output for <c>--json</c>: the API's own answer, only re-indented.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
