using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Minerva.Service.Api;

/// <summary>Reading and validating what callers send.</summary>
public static class ApiRequests
{
    /// <summary>The JSON body as <typeparamref name="T"/>; a missing, empty or malformed body is a 400.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, ct)
                ?? throw ApiException.BadRequest("invalid_json", "The request body is JSON null; an object or array was expected.");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("invalid_json", $"The request body is not valid JSON for this route: {e.Message}");
        }
    }

    /// <summary>The canonical (lowercase, hyphenated) form of a uuid from a route; anything else is a 400.</summary>
    public static string Uuid(string value) =>
        Guid.TryParseExact(value, "D", out var uuid)
            ? uuid.ToString()
            : throw ApiException.BadRequest("invalid_uuid", $"'{value}' is not a uuid (expected the form 123e4567-e89b-12d3-a456-426614174000).");

    /// <summary>A required, non-blank string field.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw ApiException.BadRequest("missing_field", $"The field '{field}' is required and must be a non-empty string.")
            : value.Trim();

    /// <summary>An enum field by name (case-insensitive), listing the accepted names when it is not one.</summary>
    public static TEnum Enum<TEnum>(string? value, string field)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw ApiException.BadRequest(
                "invalid_field",
                $"The field '{field}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => $"\"{n}\""))}; got \"{value}\".");
}
